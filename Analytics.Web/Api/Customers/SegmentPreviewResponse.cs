namespace Analytics.Web.Api.Customers;

public sealed record SegmentPreviewResponse(long MemberCount);
