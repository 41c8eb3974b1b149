using System.Diagnostics;
using System.Text;
using Analytics.Core.Dashboards;
using Analytics.Core.Data.Demo;
using Analytics.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Analytics.Tests.E2E;

[Trait("Category", "E2E")]
public sealed class DemoDashboardTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Every_demo_dashboard_opens_fully_drawn_without_console_errors()
    {
        var page = await app.SignInAsync("admin@demo.local");
        var errors = BrowserApp.CollectErrors(page);
        var timings = new List<string>();
        foreach (var (_, dashboard) in DemoDashboards.All)
        {
            await page.GotoAsync("/");
            await BrowserApp.WaitForInteractiveAsync(page);
            var watch = Stopwatch.StartNew();
            await page.ClickAsync($"[data-testid=dashboard-link] >> text={dashboard.Name}");
            await ExpectDrawnAsync(page, dashboard);
            timings.Add($"{dashboard.Name}: {watch.ElapsedMilliseconds} ms");
            await page.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath($"demo-{dashboard.Name!.ToLowerInvariant().Replace(' ', '-')}"), FullPage = true });
        }
        await page.ClickAsync("[data-testid=theme-toggle]");
        await page.GotoAsync("/");
        await page.ClickAsync("[data-testid=dashboard-link] >> text=Operations Overview");
        await ExpectDrawnAsync(page, DemoDashboards.All[0].Dashboard);
        await page.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath("demo-operations-overview-dark"), FullPage = true });
        await page.ClickAsync("[data-testid=theme-toggle]");
        await File.WriteAllLinesAsync(BrowserApp.ScreenshotPath("demo-timings").Replace(".png", ".txt"), timings);
        Console.WriteLine(string.Join(Environment.NewLine, timings));

        Assert.Empty(errors);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_manager_downloads_a_shared_demo_dashboard_as_a_pdf_holding_its_title_and_widgets()
    {
        var page = await app.SignInAsync("manager@demo.local");
        await page.ClickAsync("[data-testid=dashboard-link] >> text=Executive KPIs");
        await page.WaitForURLAsync("**/dashboards/*", new() { WaitUntil = WaitUntilState.Commit });
        await Assertions.Expect(page.Locator("[data-testid=read-only]")).ToBeVisibleAsync(new() { Timeout = 20_000 });

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-testid=download-pdf]").GetByText("Download PDF").ClickAsync());
        var file = await download.PathAsync();
        await download.SaveAsAsync(BrowserApp.ScreenshotPath("executive-kpis-download").Replace(".png", ".pdf"));

        Assert.Null(await download.FailureAsync());
        Assert.StartsWith("executive-kpis", download.SuggestedFilename);
        Assert.EndsWith(".pdf", download.SuggestedFilename);
        var bytes = await File.ReadAllBytesAsync(file);
        Assert.Equal("%PDF", Encoding.ASCII.GetString(bytes, 0, 4));
        var text = await PdfText.ExtractAsync(bytes);
        Assert.Contains("Executive KPIs", text);
        Assert.Contains("Revenue this quarter", text);
        Assert.Contains("Signups by channel", text);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task Amounts_carry_their_currency_on_cards_axes_tooltips_and_tables_and_the_day_in_progress_is_drawn_apart(string scheme)
    {
        var page = await app.SignInAsync("analyst@demo.local", scheme);
        var errors = BrowserApp.CollectErrors(page);
        if (scheme == "dark") await page.ClickAsync("[data-testid=theme-toggle]");
        await page.ClickAsync("[data-testid=dashboard-link] >> text=Sales");
        await ExpectDrawnAsync(page, DemoDashboards.All[1].Dashboard);

        await Assertions.Expect(page.Locator("[data-title='Revenue, last 30 days'] [data-testid=kpi-value]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\$[\d.,]+[kM]?$"));
        var line = page.Locator("[data-title='Revenue by day']");
        await Assertions.Expect(line.Locator(".apexcharts-yaxis-label").First).ToContainTextAsync("$");
        // The last day is still in progress: its stretch of the line is dashed, and its tooltip says "so far".
        await Assertions.Expect(line.Locator("path.apexcharts-line[stroke-dasharray='5']").First).ToBeAttachedAsync();
        var plot = line.Locator(".apexcharts-grid").First;
        var box = (await plot.BoundingBoxAsync())!;
        var tooltip = line.Locator(".apexcharts-tooltip");
        await page.Mouse.MoveAsync(box.X + box.Width / 2, box.Y + box.Height / 2);
        await Assertions.Expect(tooltip).ToContainTextAsync("$");
        // The chart follows the pointer as it moves: sweep it over the last points until the tooltip is the last day's.
        var deadline = DateTime.UtcNow.AddSeconds(15);
        for (var step = 0; !((await tooltip.TextContentAsync()) ?? "").Contains("so far", StringComparison.Ordinal); step++)
        {
            Assert.True(DateTime.UtcNow < deadline, $"The last day's tooltip never said \"so far\": {await tooltip.TextContentAsync()}");
            await page.Mouse.MoveAsync(box.X + box.Width * (0.97f + 0.03f * (step % 10) / 9), box.Y + box.Height / 2, new() { Steps = 2 });
        }
        // The table names the currency in its header and right-aligns figures with their cents.
        var table = page.Locator("[data-title='Revenue by country'] [data-testid=data-table]");
        await Assertions.Expect(table.Locator("th", new() { HasText = "Total (USD)" })).ToBeVisibleAsync();
        await Assertions.Expect(table.Locator("td.figure").First).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\$[\d,]+\.\d\d$"));
        await page.Mouse.MoveAsync(0, 0);
        await page.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath($"demo-sales-currency-{scheme}"), FullPage = true });
        if (scheme == "dark") await page.ClickAsync("[data-testid=theme-toggle]");
        Assert.Empty(errors);
        await page.Context.CloseAsync();
    }

    /// <summary>Every widget past its loading state, without errors, and every chart and map drawn.</summary>
    private static async Task ExpectDrawnAsync(IPage page, DashboardInput dashboard)
    {
        var widgets = dashboard.Widgets!;
        await Assertions.Expect(page.Locator("[data-testid=widget]")).ToHaveCountAsync(widgets.Count, new() { Timeout = 20_000 });
        await Assertions.Expect(page.Locator("[data-testid=widget-loading]")).ToHaveCountAsync(0, new() { Timeout = 20_000 });
        await Assertions.Expect(page.Locator("[data-testid=widget-error]")).ToHaveCountAsync(0);
        var charts = widgets.Count(w => w.Type is not (WidgetTypes.DataTable or WidgetTypes.GeoMap));
        await Assertions.Expect(page.Locator("svg.apexcharts-svg")).ToHaveCountAsync(charts, new() { Timeout = 20_000 });
        foreach (var map in widgets.Where(w => w.Type == WidgetTypes.GeoMap))
            await Assertions.Expect(page.Locator($"[data-title='{map.Title}'] svg path").First).ToBeAttachedAsync();
    }
}
