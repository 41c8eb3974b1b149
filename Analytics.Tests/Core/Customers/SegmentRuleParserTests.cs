using System.Text.Json;
using Analytics.Core.Customers;
using Analytics.Core.Errors;

namespace Analytics.Tests.Core.Customers;

public sealed class SegmentRuleParserTests
{
    private static SegmentRule Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return SegmentRuleParser.Parse(document.RootElement);
    }

    private static IReadOnlyDictionary<string, string[]> Errors(string json) =>
        Assert.Throws<InvalidInputException>(() => Parse(json)).Errors;

    [Theory]
    [InlineData("""{"all":[{"field":"ltv","op":"gt","value":10000},{"field":"last_seen","op":"within","value":"30d"}]}""")]
    [InlineData("""{"any":[{"field":"country","op":"in","value":["DE","FR"]},{"all":[{"field":"engagement","op":"gte","value":70},{"field":"order_count","op":"lt","value":3}]}]}""")]
    [InlineData("""{"all":[{"field":"sum(order_value, 90d)","op":"gt","value":1000}]}""")]
    [InlineData("""{"all":[{"field":"attributes.plan","op":"eq","value":"pro"},{"field":"attributes.seats","op":"gte","value":10}]}""")]
    [InlineData("""{"all":[{"field":"first_seen","op":"gte","value":"2026-01-01"},{"field":"last_seen","op":"lt","value":"90d"}]}""")]
    public void Good_rules_parse_and_round_trip_as_canonical_json(string json)
    {
        var rule = Parse(json);
        var canonical = SegmentRuleParser.ToJson(rule);

        Assert.Equal(canonical, SegmentRuleParser.ToJson(Parse(canonical)));
        Assert.Equal(JsonDocument.Parse(json).RootElement.ToString().Replace(" ", ""), canonical.Replace(" ", ""));
    }

    [Fact]
    public void Country_codes_are_upper_cased_and_the_engagement_score_alias_is_accepted()
    {
        var rule = (SegmentRuleGroup)Parse("""{"all":[{"field":"country","op":"eq","value":"de"},{"field":"engagement_score","op":"gt","value":5}]}""");

        Assert.Equal(new SegmentCondition("country", "eq", "DE"), rule.Rules[0]);
        Assert.Equal("engagement", ((SegmentCondition)rule.Rules[1]).Field);
    }

    [Theory]
    [InlineData("""{"all":[{"field":"ltvv","op":"gt","value":1}]}""", "rules.all[0].field", "Unknown field 'ltvv'")]
    [InlineData("""{"all":[{"field":"ltv","op":"between","value":1}]}""", "rules.all[0].op", "'between' does not apply to ltv")]
    [InlineData("""{"all":[{"field":"ltv","op":"gt","value":"lots"}]}""", "rules.all[0].value", "ltv compares with a number")]
    [InlineData("""{"all":[{"field":"country","op":"gt","value":"DE"}]}""", "rules.all[0].op", "'gt' does not apply to country; use eq, neq, in")]
    [InlineData("""{"all":[{"field":"country","op":"eq","value":"Germany"}]}""", "rules.all[0].value", "'Germany' is not a country")]
    [InlineData("""{"all":[{"field":"last_seen","op":"within","value":"a month"}]}""", "rules.all[0].value", "'within' takes a number of days")]
    [InlineData("""{"all":[{"field":"median(order_value, 90d)","op":"gt","value":1}]}""", "rules.all[0].field", "Unknown aggregate 'median'")]
    [InlineData("""{"all":[{"field":"sum(order_value, 9000d)","op":"gt","value":1}]}""", "rules.all[0].field", "must be 1 to 730 days")]
    [InlineData("""{"all":[{"field":"ltv","op":"in","value":[]}]}""", "rules.all[0].value", "'in' takes a list")]
    [InlineData("""{"any":[{"field":"ltv","op":"gt","value":1},{"all":[]}]}""", "rules.any[1].all", "A non-empty list of rules is required")]
    [InlineData("""{"every":[]}""", "rules", "exactly one key, \"all\" or \"any\"; found \"every\"")]
    [InlineData("""{"all":[{"field":"ltv","op":"gt","value":1,"unit":"usd"}]}""", "rules.all[0].unit", "Unknown key")]
    [InlineData("""{"all":[{"op":"gt","value":1}]}""", "rules.all[0].field", "A field is required")]
    [InlineData("""[1,2]""", "rules", "A group is an object")]
    public void Bad_rules_name_the_bad_part(string json, string path, string message)
    {
        var errors = Errors(json);

        Assert.Contains(path, errors.Keys);
        Assert.Contains(message, errors[path][0]);
    }

    [Fact]
    public void Every_bad_condition_is_reported_not_just_the_first()
    {
        var errors = Errors("""{"all":[{"field":"ltv","op":"gt","value":"x"},{"field":"nope","op":"eq","value":1},{"field":"country","op":"eq","value":"DE"}]}""");

        Assert.Equal(["rules.all[0].value", "rules.all[1].field"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Groups_nest_only_so_deep()
    {
        var json = """{"field":"ltv","op":"gt","value":1}""";
        for (var i = 0; i < SegmentRuleParser.MaxDepth + 1; i++) json = $$"""{"all":[{{json}}]}""";

        Assert.Contains("nest at most", Errors(json).Values.Single()[0]);
    }
}
