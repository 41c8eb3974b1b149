using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Analytics.Core.Errors;
using Analytics.Core.Metrics;

namespace Analytics.Core.Customers;

/// <summary>
/// Reads the segment rule language and says which part is wrong. Rules are JSON:
/// a group <c>{"all": [...]}</c> or <c>{"any": [...]}</c> of conditions and nested groups; a condition is
/// <c>{"field": F, "op": O, "value": V}</c> where F is one of
/// <list type="bullet">
/// <item><c>ltv</c>, <c>order_count</c>, <c>engagement</c> (numbers: eq, neq, gt, gte, lt, lte, in);</item>
/// <item><c>country</c>, <c>name</c>, <c>email</c> (strings: eq, neq, in);</item>
/// <item><c>first_seen</c>, <c>last_seen</c> (dates: <c>within</c> "30d" means in the last 30 days; gt, gte, lt, lte
/// take an ISO date or "90d", meaning 90 days ago, so <c>last_seen lt "90d"</c> is "not seen for 90 days");</item>
/// <item><c>attributes.KEY</c> (eq, neq, in on strings; gt, gte, lt, lte on numbers);</item>
/// <item><c>AGG(metric, Nd)</c> with AGG one of sum, count, avg, min, max: the customer's events of that metric in the
/// last N days (numbers; a customer without such events has a count and sum of 0).</item>
/// </list>
/// </summary>
public static partial class SegmentRuleParser
{
    public const int MaxDepth = 5;
    public const int MaxConditions = 50;

    private static readonly string[] NumberOps = ["eq", "neq", "gt", "gte", "lt", "lte", "in"];
    private static readonly string[] TextOps = ["eq", "neq", "in"];
    private static readonly string[] DateOps = ["gt", "gte", "lt", "lte", "within"];
    private static readonly string[] AttributeOps = ["eq", "neq", "in", "gt", "gte", "lt", "lte"];
    public static readonly IReadOnlyList<string> Aggregates = ["sum", "count", "avg", "min", "max"];

    public static readonly IReadOnlyList<string> ProfileFields = ["ltv", "order_count", "engagement", "country", "name", "email", "first_seen", "last_seen"];

    private const string FieldHelp = "use ltv, order_count, engagement, country, name, email, first_seen, last_seen, attributes.KEY or AGG(metric, Nd) with AGG sum, count, avg, min or max";

    [GeneratedRegex(@"^\s*(?<agg>[a-z]+)\s*\(\s*(?<metric>[^,\s)]+)\s*,\s*(?<days>\d{1,4})d\s*\)\s*$")]
    private static partial Regex AggregatePattern();

    [GeneratedRegex(@"^(?<days>\d{1,4})d$")]
    private static partial Regex DaysPattern();

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,64}$")]
    private static partial Regex AttributeKeyPattern();

    /// <summary>Parses rules, or throws with every bad part named by its path, such as <c>rules.all[1].op</c>.</summary>
    public static SegmentRule Parse(JsonElement rules, string path = "rules", int maxWindowDays = 730)
    {
        var errors = new Dictionary<string, string[]>();
        var conditions = 0;
        var rule = ParseGroup(rules, path, 1, errors, ref conditions, maxWindowDays);
        if (conditions > MaxConditions) errors[path] = [$"At most {MaxConditions} conditions; these rules have {conditions}."];
        if (errors.Count > 0 || rule is null) throw new InvalidInputException(errors.Count > 0 ? errors : new() { [path] = ["Rules are required."] }, "The segment rules are invalid.");
        return rule;
    }

    /// <summary>Parses rules from their JSON text (as stored).</summary>
    public static SegmentRule Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Parse(document.RootElement);
    }

    private static SegmentRuleGroup? ParseGroup(JsonElement e, string path, int depth, Dictionary<string, string[]> errors, ref int conditions, int maxWindowDays)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            errors[path] = ["A group is an object with \"all\" or \"any\" and a list of rules."];
            return null;
        }
        var names = e.EnumerateObject().Select(p => p.Name).ToList();
        if (names.Count != 1 || names[0] is not ("all" or "any"))
        {
            errors[path] = [$"A group has exactly one key, \"all\" or \"any\"; found {(names.Count == 0 ? "none" : string.Join(", ", names.Select(n => $"\"{n}\"")))}."];
            return null;
        }
        if (depth > MaxDepth)
        {
            errors[path] = [$"Groups nest at most {MaxDepth} deep."];
            return null;
        }
        var all = names[0] == "all";
        var listPath = $"{path}.{names[0]}";
        var list = e.GetProperty(names[0]);
        if (list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0)
        {
            errors[listPath] = ["A non-empty list of rules is required."];
            return null;
        }
        var rules = new List<SegmentRule>();
        var i = 0;
        foreach (var item in list.EnumerateArray())
        {
            var itemPath = $"{listPath}[{i++}]";
            SegmentRule? rule = item.ValueKind == JsonValueKind.Object && (item.TryGetProperty("all", out _) || item.TryGetProperty("any", out _))
                ? ParseGroup(item, itemPath, depth + 1, errors, ref conditions, maxWindowDays)
                : ParseCondition(item, itemPath, errors, maxWindowDays);
            if (rule is SegmentCondition) conditions++;
            if (rule is not null) rules.Add(rule);
        }
        return new SegmentRuleGroup(all, rules);
    }

    private static SegmentCondition? ParseCondition(JsonElement e, string path, Dictionary<string, string[]> errors, int maxWindowDays)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            errors[path] = ["A rule is a group or a condition {\"field\", \"op\", \"value\"}."];
            return null;
        }
        foreach (var p in e.EnumerateObject().Where(p => p.Name is not ("field" or "op" or "value")))
            errors[$"{path}.{p.Name}"] = ["Unknown key; a condition has field, op and value."];
        if (!e.TryGetProperty("field", out var f) || f.ValueKind != JsonValueKind.String || f.GetString() is not { Length: > 0 } field)
        {
            errors[$"{path}.field"] = [$"A field is required; {FieldHelp}."];
            return null;
        }
        if (!e.TryGetProperty("op", out var o) || o.ValueKind != JsonValueKind.String || o.GetString() is not { Length: > 0 } op)
        {
            errors[$"{path}.op"] = ["An op is required: eq, neq, gt, gte, lt, lte, in or within."];
            return null;
        }
        if (!e.TryGetProperty("value", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            errors[$"{path}.value"] = ["A value is required."];
            return null;
        }

        SegmentMetricAggregate? metric = null;
        string[] ops;
        string kind;
        if (field is "ltv" or "order_count" or "engagement" or "engagement_score")
        {
            field = field == "engagement_score" ? "engagement" : field;
            (ops, kind) = (NumberOps, "number");
        }
        else if (field is "country" or "name" or "email") (ops, kind) = (TextOps, "text");
        else if (field is "first_seen" or "last_seen") (ops, kind) = (DateOps, "date");
        else if (field.StartsWith("attributes.", StringComparison.Ordinal))
        {
            if (!AttributeKeyPattern().IsMatch(field["attributes.".Length..]))
            {
                errors[$"{path}.field"] = [$"'{field}' is not an attribute key: use attributes. and 1 to 64 letters, digits, '_', '.' or '-'."];
                return null;
            }
            (ops, kind) = (AttributeOps, "attribute");
        }
        else if (AggregatePattern().Match(field) is { Success: true } m)
        {
            var agg = m.Groups["agg"].Value;
            var name = m.Groups["metric"].Value;
            var days = int.Parse(m.Groups["days"].Value, CultureInfo.InvariantCulture);
            if (!Aggregates.Contains(agg)) errors[$"{path}.field"] = [$"Unknown aggregate '{agg}' in '{field}'; use sum, count, avg, min or max."];
            else if (!MetricEventValidator.NamePattern().IsMatch(name)) errors[$"{path}.field"] = [$"'{name}' in '{field}' is not a metric name."];
            else if (days < 1 || days > maxWindowDays) errors[$"{path}.field"] = [$"The window of '{field}' must be 1 to {maxWindowDays} days (customer activity is kept that long)."];
            if (errors.ContainsKey($"{path}.field")) return null;
            metric = new SegmentMetricAggregate(agg, name, days);
            field = $"{agg}({name}, {days}d)";
            (ops, kind) = (NumberOps, "number");
        }
        else
        {
            errors[$"{path}.field"] = [$"Unknown field '{field}'; {FieldHelp}."];
            return null;
        }

        if (!ops.Contains(op))
        {
            errors[$"{path}.op"] = [$"'{op}' does not apply to {field}; use {string.Join(", ", ops)}."];
            return null;
        }

        var parsed = ParseValue(kind, field, op, value, out var problem);
        if (parsed is null)
        {
            errors[$"{path}.value"] = [problem!];
            return null;
        }
        return new SegmentCondition(field, op, parsed, metric);
    }

    private static object? ParseValue(string kind, string field, string op, JsonElement value, out string? problem)
    {
        problem = null;
        if (op == "in")
        {
            if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() is 0 or > 100)
            {
                problem = $"'in' takes a list of 1 to 100 values for {field}.";
                return null;
            }
            var items = new List<object>();
            foreach (var item in value.EnumerateArray())
            {
                var one = ParseValue(kind, field, "eq", item, out problem);
                if (one is null) return null;
                items.Add(one);
            }
            return items.ToArray();
        }
        switch (kind)
        {
            case "number":
                if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && double.IsFinite(number)) return number;
                problem = $"{field} compares with a number.";
                return null;
            case "text":
                if (value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 and <= 254 } text)
                {
                    if (field != "country") return text;
                    if (text.Length == 2 && text.All(char.IsAsciiLetter)) return text.ToUpperInvariant();
                    problem = $"'{text}' is not a country; use an ISO 3166-1 alpha-2 code such as DE.";
                    return null;
                }
                problem = $"{field} compares with a text of 1 to 254 characters.";
                return null;
            case "attribute":
                if (op is "eq" or "neq" && value.ValueKind == JsonValueKind.String) return value.GetString()!;
                if (op is "gt" or "gte" or "lt" or "lte" && value.ValueKind == JsonValueKind.Number) return value.GetDouble();
                problem = op is "eq" or "neq" ? $"{field} compares with a text." : $"'{op}' on {field} compares with a number.";
                return null;
            default:
                if (value.ValueKind == JsonValueKind.String && value.GetString() is { } s)
                {
                    if (DaysPattern().Match(s) is { Success: true } d && int.Parse(d.Groups["days"].Value, CultureInfo.InvariantCulture) is > 0 and var days)
                        return TimeSpan.FromDays(days);
                    if (op != "within" && DateTime.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at))
                        return DateTime.SpecifyKind(at, DateTimeKind.Utc);
                }
                problem = op == "within"
                    ? $"'within' takes a number of days such as \"30d\"."
                    : $"{field} compares with an ISO date such as \"2026-01-31\" or a number of days ago such as \"90d\".";
                return null;
        }
    }

    /// <summary>The rules as canonical JSON, as they are stored and shown.</summary>
    public static string ToJson(SegmentRule rule)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream)) Write(writer, rule);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Write(Utf8JsonWriter w, SegmentRule rule)
    {
        w.WriteStartObject();
        if (rule is SegmentRuleGroup group)
        {
            w.WriteStartArray(group.All ? "all" : "any");
            foreach (var r in group.Rules) Write(w, r);
            w.WriteEndArray();
        }
        else if (rule is SegmentCondition c)
        {
            w.WriteString("field", c.Field);
            w.WriteString("op", c.Op);
            w.WritePropertyName("value");
            WriteValue(w, c.Value);
        }
        w.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter w, object value)
    {
        switch (value)
        {
            case double d: w.WriteNumberValue(d); break;
            case string s: w.WriteStringValue(s); break;
            case TimeSpan t: w.WriteStringValue($"{(int)t.TotalDays}d"); break;
            case DateTime at: w.WriteStringValue(at.TimeOfDay == TimeSpan.Zero ? at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : at.ToString("O", CultureInfo.InvariantCulture)); break;
            case object[] items:
                w.WriteStartArray();
                foreach (var item in items) WriteValue(w, item);
                w.WriteEndArray();
                break;
        }
    }
}
