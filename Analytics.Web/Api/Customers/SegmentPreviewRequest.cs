using System.Text.Json;

namespace Analytics.Web.Api.Customers;

public sealed record SegmentPreviewRequest(JsonElement? Rules);
