using System.Data.Common;
using System.Text;
using Analytics.Core.Metrics;

namespace Analytics.Core.Customers;

/// <summary>
/// Turns parsed rules into one SQL condition over the <c>Customers</c> table (alias <c>c</c>), so evaluating a segment
/// over every profile is a single statement. Values only ever travel as parameters.
/// </summary>
public sealed class SegmentSql
{
    private readonly StringBuilder _sql = new();
    private readonly List<(string Name, object Value)> _parameters = [];
    private readonly DateTime _nowUtc;

    private SegmentSql(DateTime nowUtc) => _nowUtc = nowUtc;

    public string Where => _sql.ToString();

    public IReadOnlyList<(string Name, object Value)> Parameters => _parameters;

    public static SegmentSql Compile(SegmentRule rule, DateTime nowUtc)
    {
        var sql = new SegmentSql(nowUtc);
        sql.Append(rule);
        return sql;
    }

    /// <summary>Adds the parameters to a command; <paramref name="prefix"/> keeps several compiled rules apart in one command.</summary>
    public void Bind(DbCommand command)
    {
        foreach (var (name, value) in _parameters)
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            p.Value = value;
            command.Parameters.Add(p);
        }
    }

    private string Param(object value)
    {
        var name = $"@r{_parameters.Count}";
        _parameters.Add((name, value));
        return name;
    }

    private void Append(SegmentRule rule)
    {
        switch (rule)
        {
            case SegmentRuleGroup group:
                _sql.Append('(');
                for (var i = 0; i < group.Rules.Count; i++)
                {
                    if (i > 0) _sql.Append(group.All ? " AND " : " OR ");
                    Append(group.Rules[i]);
                }
                _sql.Append(')');
                break;
            case SegmentCondition condition:
                AppendCondition(condition);
                break;
        }
    }

    private void AppendCondition(SegmentCondition c)
    {
        if (c.Metric is { } m)
        {
            var from = Param((_nowUtc - TimeSpan.FromDays(m.WindowDays)).Ticks);
            var name = Param(m.Metric);
            // Only values within the bound reach the aggregate, and a customer with one beyond it (stored before ingest
            // refused them) has no figure, so the condition is unknown and the customer does not match: summing it would
            // give ±Infinity on SQLite and fail the whole statement on PostgreSQL ("value out of range: overflow").
            var bound = Param(MetricValueRange.MaxMagnitude);
            var within = $"CASE WHEN abs(a.Value) <= {bound} THEN a.Value END";
            var aggregate = m.Agg switch
            {
                "sum" => $"coalesce(sum({within}), 0)",
                "count" => "count(*)",
                _ => $"{m.Agg}({within})",
            };
            if (m.Agg != "count") aggregate = $"CASE WHEN count(*) > count({within}) THEN NULL ELSE {aggregate} END";
            Compare($"(SELECT {aggregate} FROM CustomerActivity a WHERE a.TenantId = c.TenantId AND a.CustomerKey = c.Id AND a.Ticks >= {from} AND a.Name = {name})", c.Op, c.Value, v => v);
            return;
        }
        switch (c.Field)
        {
            case "ltv":
                Compare("c.LtvCents", c.Op, c.Value, v => (long)Math.Round((double)v * 100, MidpointRounding.AwayFromZero));
                break;
            case "order_count":
                Compare("c.OrderCount", c.Op, c.Value, v => v);
                break;
            case "engagement":
                Compare("c.EngagementScore", c.Op, c.Value, v => v);
                break;
            case "country":
                Compare("c.Country", c.Op, c.Value, v => v);
                break;
            case "name":
                Compare("c.Name", c.Op, c.Value, v => v);
                break;
            case "email":
                Compare("c.Email", c.Op, c.Value, v => v);
                break;
            case "first_seen" or "last_seen":
                var column = c.Field == "first_seen" ? "c.FirstSeen" : "c.LastSeen";
                if (c.Op == "within")
                {
                    _sql.Append(column).Append(" >= ").Append(Param((_nowUtc - (TimeSpan)c.Value).Ticks));
                    break;
                }
                Compare(column, c.Op, c.Value, v => v is TimeSpan ago ? (_nowUtc - ago).Ticks : ((DateTime)v).Ticks);
                break;
            default:
                var path = Param($"$.\"{c.Field["attributes.".Length..]}\"");
                var expression = c.Value is double ? $"CAST(json_extract(c.Attributes, {path}) AS DOUBLE PRECISION)" : $"json_extract(c.Attributes, {path})";
                Compare(expression, c.Op, c.Value, v => v);
                break;
        }
    }

    private void Compare(string expression, string op, object value, Func<object, object> convert)
    {
        if (op == "in")
        {
            _sql.Append(expression).Append(" IN (").Append(string.Join(", ", ((object[])value).Select(v => Param(convert(v))))).Append(')');
            return;
        }
        if (op == "neq")
        {
            _sql.Append('(').Append(expression).Append(" IS NULL OR ").Append(expression).Append(" <> ").Append(Param(convert(value))).Append(')');
            return;
        }
        var symbol = op switch { "eq" => "=", "gt" => ">", "gte" => ">=", "lt" => "<", _ => "<=" };
        _sql.Append(expression).Append(' ').Append(symbol).Append(' ').Append(Param(convert(value)));
    }
}
