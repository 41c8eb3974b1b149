using Analytics.Core.Errors;
using Analytics.Core.Metrics;
using Analytics.Core.Tenancy;

namespace Analytics.Core.Dashboards;

/// <summary>The rules a dashboard or widget must meet; each broken rule is reported under its wire field path.</summary>
/// <param name="modules">The tenant's modules (<see cref="ModuleDirectory"/>).</param>
internal sealed class DashboardValidator(IReadOnlyList<string> modules)
{
    public const int Columns = 12;
    private readonly Dictionary<string, List<string>> _errors = [];

    public void Dashboard(DashboardInput input, bool creating)
    {
        if (creating || input.Name is not null)
        {
            if (string.IsNullOrWhiteSpace(input.Name)) Add("name", "A name is required.");
            else if (input.Name.Length > 200) Add("name", "A name has at most 200 characters.");
        }
        if (input.Description is { Length: > 1000 }) Add("description", "A description has at most 1000 characters.");
        if (input.SharedWith is { } roles)
            foreach (var role in roles.Where(r => !Roles.IsKnown(r)))
                Add("shared_with", $"Unknown role '{role}'; use {string.Join(", ", Roles.All)}.");
        for (var i = 0; i < (input.Widgets?.Count ?? 0); i++)
        {
            var widget = input.Widgets![i];
            if (creating) Widget(widget, $"widgets[{i}].", creating: true);
            else if (widget.Id is null) Add($"widgets[{i}].id", "Layout changes name the widget by id.");
            else if (widget.Position is { } p) Position(p, $"widgets[{i}].position");
        }
    }

    public void Widget(WidgetInput w, string path = "", bool creating = true)
    {
        if (creating || w.Type is not null)
            if (w.Type is null || !WidgetTypes.All.Contains(w.Type)) Add(path + "type", $"Use one of {string.Join(", ", WidgetTypes.All)}.");
        if (creating || w.Title is not null)
            if (string.IsNullOrWhiteSpace(w.Title) || w.Title.Length > 200) Add(path + "title", "A title of 1 to 200 characters is required.");
        if (creating || w.Metric is not null)
            if (w.Metric is null || !MetricEventValidator.NamePattern().IsMatch(w.Metric)) Add(path + "metric", "A metric name is required.");
            else if (w.Metric.StartsWith(Kpis.KpiFigures.Prefix, StringComparison.Ordinal))
            {
                // A business KPI is a figure, not a series: it shows on a KPI card only.
                if (Kpis.KpiFigures.Find(w.Metric) is null) Add(path + "metric", "Unknown KPI; see docs/kpis.md for the list.");
                else if (w.Type is { } kpiType && kpiType != WidgetTypes.KpiCard) Add(path + "type", "A KPI shows on a kpi_card.");
            }
            else if (w.Metric.StartsWith(Insights.ForecastService.WidgetPrefix, StringComparison.Ordinal) && w.Type is { } forecastType && forecastType != WidgetTypes.LineChart)
                Add(path + "type", "A forecast shows on a line_chart.");
        if (w.Module is { Length: > 0 } module && ModuleDirectory.Refusal(module, modules) is { } refused) Add(path + "module", refused);
        if (w.Period is { } period && period != "custom" && !MetricPeriod.All.Contains(period))
            Add(path + "period", $"Use one of {string.Join(", ", MetricPeriod.All)} or custom.");
        if (w.Period == "custom" && (w.From is null || w.To is null)) Add(path + "period", "A custom period needs from and to.");
        if (w.From > w.To) Add(path + "from", "'from' is after 'to'.");
        if (w.GroupBy is { } g && !Enum.TryParse<MetricGrouping>(g, ignoreCase: true, out _) || w.GroupBy?.Any(char.IsDigit) == true)
            Add(path + "group_by", "Use hour, day, week, month or quarter.");
        if (w.Agg is { } a && !Enum.TryParse<MetricAggregate>(a, ignoreCase: true, out _) || w.Agg?.Any(char.IsDigit) == true)
            Add(path + "agg", "Use sum, avg, min, max, count or last.");
        if (w.By is { Length: > 0 } by && !MetricEventValidator.DimensionKeyPattern().IsMatch(by)) Add(path + "by", "Not a dimension key.");
        if (w.Filters is { } filters)
        {
            if (filters.Count > 4) Add(path + "filters", "At most 4 filters.");
            foreach (var (key, value) in filters)
                if (!MetricEventValidator.DimensionKeyPattern().IsMatch(key) || value.Length > MetricEventValidator.MaxDimensionValueLength)
                    Add(path + $"filters.{key}", "Not a dimension key and value.");
        }
        if (creating && w.Type is { } type && WidgetTypes.NeedsBreakdown(type) && string.IsNullOrEmpty(w.By))
            Add(path + "by", $"A {type} shows a breakdown: name the dimension (e.g. country).");
        if (w.Position is { } position) Position(position, path + "position");
    }

    private void Position(WidgetPosition p, string path)
    {
        if (p.X < 0) Add(path + ".x", "x is at least 0.");
        if (p.Y < 0) Add(path + ".y", "y is at least 0.");
        if (p.W < 1) Add(path + ".w", "w is at least 1.");
        if (p.H < 1) Add(path + ".h", "h is at least 1.");
        if (p.X + p.W > Columns) Add(path + ".w", $"x + w is at most {Columns}.");
        if (p.H > 24) Add(path + ".h", "h is at most 24.");
    }

    public void ThrowIfInvalid()
    {
        if (_errors.Count > 0) throw new InvalidInputException(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
    }

    private void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(message);
    }
}
