using Analytics.Core.Metrics;
using Analytics.Web.Components.Widgets;
using Bunit;
using MudBlazor;
using MudBlazor.Services;

namespace Analytics.Tests.Components.Widgets;

public sealed class MetricTableTests : BunitContext
{
    public MetricTableTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    private IRenderedComponent<MetricTable> Render(MetricSeries series) => Render<MetricTable>(p => p.Add(c => c.Series, series));

    private static MetricSeries Products(int count) =>
        WidgetSeries.Breakdown("product", Enumerable.Range(1, count).Select(i => ($"p{i:00}", 1000.0 - i)));

    private static string[][] Cells(IRenderedComponent<MetricTable> table) =>
        table.FindAll("tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToArray()).ToArray();

    private string DownloadedCsv(IRenderedComponent<MetricTable> table)
    {
        table.Find("[data-testid=table-download]").Click();
        var call = JSInterop.Invocations.Single(i => i.Identifier == "saveText");
        Assert.Equal("./lib/analytics/download.js", JSInterop.Invocations.Last(i => i.Identifier == "import").Arguments[0]);
        Assert.Equal("text/csv;charset=utf-8", call.Arguments[1]);
        var text = (string)call.Arguments[2]!;
        Assert.StartsWith("\uFEFF", text);
        return text[1..];
    }

    [Fact]
    public void A_breakdown_gives_a_row_per_value_with_total_events_and_average()
    {
        var table = Render(WidgetSeries.Breakdown("channel", ("web", 1200), ("store", 80), ("phone", 15.5)));

        Assert.Equal(["channel", "Total", "Events", "Average"], table.FindAll("thead th .sortable-column-header").Select(h => h.TextContent.Trim()));
        Assert.Equal(
            [["web", "1,200", "2", "600"], ["store", "80", "2", "40"], ["phone", "15.5", "2", "7.75"]],
            Cells(table));
        Assert.Equal("3 rows", table.Find("[data-testid=table-count]").TextContent.Trim());
    }

    [Fact]
    public void Without_a_breakdown_it_gives_a_row_per_time_bucket()
    {
        var table = Render(WidgetSeries.Timeline(3, 5.25));

        Assert.Equal(["Date", "Total", "Events"], table.FindAll("thead th .sortable-column-header").Select(h => h.TextContent.Trim()));
        Assert.Equal([["2026-03-01", "3", "1"], ["2026-03-02", "5.25", "1"]], Cells(table));
    }

    [Fact]
    public void Shows_ten_rows_a_page()
    {
        var table = Render(Products(25));

        Assert.Equal(10, Cells(table).Length);
        Assert.Contains("1-10 of 25", table.Find(".mud-table-pagination-caption").TextContent);
        table.Find("button[aria-label='Last page']").Click();
        Assert.Equal(["p21", "p22", "p23", "p24", "p25"], Cells(table).Select(r => r[0]));
    }

    [Fact]
    public void Sorts_by_a_column_from_its_sort_button()
    {
        var table = Render(WidgetSeries.Breakdown("channel", ("web", 1200), ("store", 80), ("phone", 15.5)));

        table.FindAll("thead th button.sort-direction-icon")[0].Click();
        Assert.Equal(["phone", "store", "web"], Cells(table).Select(r => r[0]));
        table.FindAll("thead th button.sort-direction-icon")[0].Click();
        Assert.Equal(["web", "store", "phone"], Cells(table).Select(r => r[0]));
    }

    [Fact]
    public void Downloads_every_row_in_the_shown_order_as_csv_with_formula_cells_defused()
    {
        var series = WidgetSeries.Breakdown("product", Enumerable.Range(1, 11).Select(i => ($"p{i:00}", 100.0 + i)).Append(("=HYPERLINK(\"x\")", 1)));
        var table = Render(series);
        table.FindAll("thead th button.sort-direction-icon")[1].Click(); // total, ascending

        var lines = DownloadedCsv(table).Split("\r\n");

        Assert.Equal("product,Total,Events,Average", lines[0]);
        Assert.Equal("\"'=HYPERLINK(\"\"x\"\")\",1,2,0.5", lines[1]);
        Assert.Equal("p01,101,2,50.5", lines[2]);
        Assert.Equal("p11,111,2,55.5", lines[12]);
        Assert.Equal("", lines[13]); // the file ends with a line break
        Assert.Equal(14, lines.Length);
        Assert.Equal("order_value-by-product-2026-03-01-2026-03-02.csv", JSInterop.Invocations.Single(i => i.Identifier == "saveText").Arguments[0]);
    }

    [Fact]
    public async Task Downloads_only_the_rows_a_filter_lets_through()
    {
        var table = Render(Products(30));
        var grid = table.FindComponent<MudDataGrid<MetricTableRow>>().Instance;

        await table.InvokeAsync(() => grid.AddFilterAsync(new FilterDefinition<MetricTableRow>
        {
            Column = grid.RenderedColumns[0],
            Operator = FilterOperator.String.StartsWith,
            Value = "p2",
        }));

        Assert.Contains("1-10 of 10", table.Find(".mud-table-pagination-caption").TextContent);
        var rows = DownloadedCsv(table).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')[0]);
        Assert.Equal(Enumerable.Range(20, 10).Select(i => $"p{i:00}"), rows);
    }
}
