namespace Analytics.Web.Api.Customers;

public sealed record SegmentListResponse(IReadOnlyList<SegmentResponse> Data);
