using System.Text.Json;
using Analytics.Core.Customers;

namespace Analytics.Web.Api.Customers;

public sealed record SegmentResponse(
    long Id,
    string Name,
    string? Description,
    JsonElement Rules,
    bool BuiltIn,
    long MemberCount,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    DateTime EvaluatedAt)
{
    public static SegmentResponse From(SegmentView s)
    {
        using var rules = JsonDocument.Parse(s.Rules);
        return new(s.Id, s.Name, s.Description, rules.RootElement.Clone(), s.BuiltIn, s.MemberCount, s.CreatedAt, s.UpdatedAt, s.EvaluatedAt);
    }
}
