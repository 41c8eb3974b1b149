using System.Text;
using Analytics.Core.Metrics;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace Analytics.Web.Components.Widgets;

/// <summary>A metric as a MudDataGrid (sort, filter, 10 rows a page) with a CSV download of the rows it shows.</summary>
public partial class MetricTable
{
    [Inject] public required IJSRuntime JS { get; init; }

    /// <summary>The series; with a breakdown (<see cref="MetricQuery.By"/>) the rows are its values, else its time buckets.</summary>
    [Parameter, EditorRequired] public required MetricSeries Series { get; set; }

    /// <summary>The table's accessible name; the metric's name by default.</summary>
    [Parameter] public string? Name { get; set; }

    private MudDataGrid<MetricTableRow>? _grid;
    private MetricSeries? _rowsOf;
    private IReadOnlyList<MetricTableRow> _rows = [];
    private IJSObjectReference? _download;

    private bool ByBreakdown => Series.Query.By is not null;

    private string LabelTitle => Series.Query.By ?? "Date";

    // Short headers: a widget tile is narrow and every header also carries its sort and filter buttons.
    private string ValueTitle => Series.Format.UnitName is { Length: > 0 } unit ? $"{AggregateTitle} ({unit})" : AggregateTitle;

    /// <summary>An average of the events' values reads in their unit, whatever the column's aggregate.</summary>
    private FigureFormat AverageFormat => FigureFormat.Of(Series.Definition, MetricAggregate.Avg, Series.Currency);

    private string AggregateTitle => Series.Query.Agg switch
    {
        MetricAggregate.Sum => "Total",
        MetricAggregate.Avg => "Avg",
        MetricAggregate.Min => "Min",
        MetricAggregate.Max => "Max",
        MetricAggregate.Count => "Count",
        MetricAggregate.Last => "Last",
        _ => Series.Query.Agg.ToString(),
    };

    private string Caption => $"{Name ?? Series.Query.Name} by {Series.Query.By ?? Series.Query.GroupBy.ToString().ToLowerInvariant()}";

    private string RowCountText => _rows.Count == 1 ? "1 row" : $"{_rows.Count:#,0} rows";

    protected override void OnParametersSet()
    {
        if (ReferenceEquals(_rowsOf, Series)) return;
        _rowsOf = Series;
        _rows = Rows(Series);
    }

    /// <summary>The table's rows for a series: its breakdown values, largest first, or its time buckets in order.</summary>
    public static IReadOnlyList<MetricTableRow> Rows(MetricSeries series) =>
        series.Query.By is null
            ? series.Data.Select(p => new MetricTableRow(p.Date, p.StartUtc, p.Value, p.Count, null)).ToList()
            : series.Breakdown.Select(b => new MetricTableRow(b.Value, null, b.Total, b.Summary.Count, b.Summary.Count == 0 ? null : b.Summary.Average)).ToList();

    /// <summary>The CSV of the given rows with this table's columns.</summary>
    public string ToCsv(IEnumerable<MetricTableRow> rows)
    {
        IReadOnlyList<string> header = ByBreakdown ? [LabelTitle, ValueTitle, "Events", "Average"] : [LabelTitle, ValueTitle, "Events"];
        return CsvExport.Write(header, rows.Select(r => ByBreakdown
            ? (IReadOnlyList<object?>)[r.Label, r.Value, r.Count, r.Average]
            : [r.Label, r.Value, r.Count]));
    }

    /// <summary>The download's file name: metric, breakdown and dates, e.g. <c>order_value-by-country-2026-03-01-2026-03-30.csv</c>.</summary>
    public string FileName
    {
        get
        {
            var q = Series.Query;
            var last = q.ToUtc > q.FromUtc ? q.ToUtc.AddTicks(-1) : q.ToUtc;
            var name = $"{q.Name}{(q.By is null ? "" : "-by-" + q.By)}-{q.FromUtc:yyyy-MM-dd}-{last:yyyy-MM-dd}";
            var safe = new StringBuilder(name.Length);
            foreach (var c in name) safe.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_');
            return safe + ".csv";
        }
    }

    // Exactly the rows the grid shows, all pages of them: FilteredItems is the filtered and sorted list the pager cuts.
    private async Task DownloadCsvAsync()
    {
        var csv = ToCsv(_grid?.FilteredItems ?? _rows);
        try
        {
            _download ??= await JS.InvokeAsync<IJSObjectReference>("import", "./lib/analytics/download.js");
            // The byte order mark makes Excel read the file as UTF-8 (dimension values may hold ü, é, …).
            await _download.InvokeVoidAsync("saveText", FileName, CsvExport.MimeType, "\uFEFF" + csv);
        }
        catch (JSDisconnectedException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_download is null) return;
        try
        {
            await _download.DisposeAsync();
        }
        catch (JSDisconnectedException)
        {
        }
        GC.SuppressFinalize(this);
    }
}
