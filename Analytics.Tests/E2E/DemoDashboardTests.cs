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
