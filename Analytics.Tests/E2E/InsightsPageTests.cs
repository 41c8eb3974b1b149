using Microsoft.Playwright;

namespace Analytics.Tests.E2E;

[Trait("Category", "E2E")]
public sealed class InsightsPageTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static ILocator Figure(IPage page, string name) => page.Locator($"[data-testid=insight-figure][data-name='{name}'] [data-testid=insight-value]");

    private static async Task OpenTabAsync(IPage page, string label, string key)
    {
        await page.Locator(".mud-tab").GetByText(label, new() { Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator($"[data-testid=panel-{key}]")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Tabs_show_figures_the_forecast_is_drawn_and_an_anomaly_opens_the_explorer()
    {
        var page = await app.SignInAsync("admin@demo.local");
        var errors = BrowserApp.CollectErrors(page);
        await page.ClickAsync("a[href='insights']");
        await page.WaitForURLAsync("**/insights**", new() { WaitUntil = WaitUntilState.Commit });
        await BrowserApp.WaitForInteractiveAsync(page);

        await Assertions.Expect(Figure(page, "Total revenue")).ToContainTextAsync("$", new() { Timeout = 20_000 });
        Assert.NotEqual("–", await Figure(page, "Average order value").InnerTextAsync());
        await Assertions.Expect(page.Locator("[data-testid=revenue-chart] svg.apexcharts-svg")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await page.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath("insights-revenue-light"), FullPage = true });

        await OpenTabAsync(page, "Sales", "sales");
        await Assertions.Expect(Figure(page, "Win rate")).ToContainTextAsync("%", new() { Timeout = 20_000 });
        await Assertions.Expect(page.Locator("[data-testid=funnel-chart] svg.apexcharts-svg")).ToBeVisibleAsync(new() { Timeout = 20_000 });

        foreach (var (label, key, figure) in new[] { ("Customers", "customers", "New customers"), ("Inventory", "inventory", "Units in stock"),
                     ("HR", "hr", "Headcount"), ("Support", "support", "Tickets opened"), ("Marketing", "marketing", "Spend") })
        {
            await OpenTabAsync(page, label, key);
            await Assertions.Expect(Figure(page, figure)).Not.ToHaveTextAsync("–", new() { Timeout = 20_000 });
            await Assertions.Expect(Figure(page, figure)).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("[1-9]"));
        }

        await OpenTabAsync(page, "Forecast", "forecast");
        await Assertions.Expect(page.Locator("[data-testid=forecast-chart] svg.apexcharts-svg")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        // The band, the history and the prediction: three drawn series.
        await Assertions.Expect(page.Locator("[data-testid=forecast-chart] g.apexcharts-series")).ToHaveCountAsync(3);
        var classes = await page.Locator("[data-testid=forecast-chart] g.apexcharts-series path").EvaluateAllAsync<string[]>("paths => paths.map(p => p.getAttribute('class') ?? '')");
        Assert.Contains(classes, c => c.Contains("area", StringComparison.OrdinalIgnoreCase));
        await Assertions.Expect(page.Locator("[data-testid=forecast-chart] .apexcharts-legend-text")).ToHaveCountAsync(3);
        await page.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath("insights-forecast-light"), FullPage = true });

        await OpenTabAsync(page, "Anomalies", "anomalies");
        await page.ClickAsync("[data-testid=anomaly-detect]");
        // The planted ticket flood (DemoDataGenerator.TicketSpikeOffset) is a high anomaly.
        var row = page.Locator("[data-testid=anomaly-row][data-metric=ticket_opened]", new() { HasTextRegex = new System.Text.RegularExpressions.Regex(@"high.*above 30-day moving average", System.Text.RegularExpressions.RegexOptions.Singleline) }).First;
        await Assertions.Expect(row).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await page.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath("insights-anomalies-light") });

        await row.Locator("[data-testid=anomaly-explore]").ClickAsync();
        await page.WaitForURLAsync("**/explore?metric=ticket_opened**", new() { WaitUntil = WaitUntilState.Commit });
        await Assertions.Expect(page.Locator("[data-testid=explore-chart]")).ToContainTextAsync("ticket_opened · sum by day", new() { Timeout = 20_000 });
        await Assertions.Expect(page.Locator("[data-testid=explore-chart] svg.apexcharts-svg")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        Assert.Empty(errors);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_kpi_and_the_forecast_are_pinned_to_a_dashboard()
    {
        var page = await app.SignInAsync("analyst@demo.local");
        var errors = BrowserApp.CollectErrors(page);
        await page.GotoAsync("/insights?tab=revenue");
        await BrowserApp.WaitForInteractiveAsync(page);
        await page.ClickAsync("[data-testid=pin-add]");
        var added = page.Locator(".mud-snackbar", new() { HasText = "Total revenue" });
        await Assertions.Expect(added).ToBeVisibleAsync(new() { Timeout = 20_000 });
        var dashboard = System.Text.RegularExpressions.Regex.Match(await added.InnerTextAsync(), "to “(.+)”").Groups[1].Value;

        await page.GotoAsync("/insights?tab=forecast");
        await BrowserApp.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=forecast-chart] svg.apexcharts-svg")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await page.ClickAsync("[data-testid=pin-add]");
        await Assertions.Expect(page.Locator(".mud-snackbar", new() { HasText = "Forecast of revenue" })).ToBeVisibleAsync(new() { Timeout = 20_000 });

        await page.GotoAsync("/");
        await page.ClickAsync($"[data-testid=dashboard-link] >> text={dashboard}");
        await page.WaitForURLAsync("**/dashboards/*", new() { WaitUntil = WaitUntilState.Commit });
        await BrowserApp.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=widget][data-title='Total revenue'] [data-testid=kpi-value]")).ToContainTextAsync("$", new() { Timeout = 20_000 });
        await Assertions.Expect(page.Locator("[data-testid=widget][data-title='Forecast of revenue'] svg.apexcharts-svg")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await page.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath("insights-pinned-light"), FullPage = true });
        Assert.Empty(errors);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_insights_page_in_dark_mode()
    {
        var page = await app.SignInAsync("manager@demo.local");
        await page.GotoAsync("/insights?tab=forecast");
        await BrowserApp.WaitForInteractiveAsync(page);
        await page.ClickAsync("[data-testid=theme-toggle]");
        try
        {
            await Assertions.Expect(page.Locator("[data-testid=forecast-chart] svg.apexcharts-svg")).ToBeVisibleAsync(new() { Timeout = 20_000 });
            await page.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath("insights-forecast-dark"), FullPage = true });
            await page.GotoAsync("/insights?tab=sales");
            await BrowserApp.WaitForInteractiveAsync(page);
            await Assertions.Expect(page.Locator("[data-testid=funnel-chart] svg.apexcharts-svg")).ToBeVisibleAsync(new() { Timeout = 20_000 });
            await page.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath("insights-sales-dark"), FullPage = true });
            await OpenTabAsync(page, "Anomalies", "anomalies");
            await Assertions.Expect(page.Locator("[data-testid=anomaly-row], [data-testid=anomalies-empty]").First).ToBeVisibleAsync(new() { Timeout = 20_000 });
            await page.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath("insights-anomalies-dark") });
        }
        finally
        {
            await page.ClickAsync("[data-testid=theme-toggle]");
            await page.Context.CloseAsync();
        }
    }

    /// <summary>Every figure card's name, value and note whose text is wider than its box (cut off or hidden).</summary>
    private static Task<string[]> ClippedFiguresAsync(IPage page) =>
        page.Locator("[data-testid=insight-figure]").EvaluateAllAsync<string[]>("""
            cards => cards.flatMap(card => [...card.querySelectorAll('.mud-typography')]
                .filter(t => t.scrollWidth > t.clientWidth + 1 || getComputedStyle(t).textOverflow === 'ellipsis' && getComputedStyle(t).overflow === 'hidden')
                .map(t => `${card.dataset.name}: ${t.textContent}`))
            """);

    [Theory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task Every_tab_shows_its_figures_in_full_at_1280_pixels(string mode)
    {
        var page = await app.SignInAsync("admin@demo.local");
        var errors = BrowserApp.CollectErrors(page);
        await page.SetViewportSizeAsync(1280, 900);
        await page.GotoAsync("/insights?tab=revenue");
        await BrowserApp.WaitForInteractiveAsync(page);
        if (mode == "dark") await page.ClickAsync("[data-testid=theme-toggle]");
        try
        {
            foreach (var (key, label) in Analytics.Web.Components.Pages.Insights.Insights.Tabs)
            {
                await OpenTabAsync(page, label, key);
                var panel = page.Locator($"[data-testid=panel-{key}]");
                await Assertions.Expect(panel.Locator(".mud-skeleton")).ToHaveCountAsync(0, new() { Timeout = 30_000 });
                if (key is "revenue" or "sales" or "forecast")
                    await Assertions.Expect(panel.Locator("svg.apexcharts-svg").First).ToBeVisibleAsync(new() { Timeout = 20_000 });
                Assert.Empty(await ClippedFiguresAsync(page));
                // Breakdown tables fit their boxes: no column cut off at the right.
                var cutTables = await panel.Locator(".mud-table-container").EvaluateAllAsync<int>("tables => tables.filter(t => t.scrollWidth > t.clientWidth + 1).length");
                Assert.Equal(0, cutTables);
                // Charts keep the height they were given, however their neighbours in the row are sized.
                var heights = await panel.Locator(".apex-chart").EvaluateAllAsync<double[]>("charts => charts.map(c => c.getBoundingClientRect().height)");
                Assert.All(heights, h => Assert.InRange(h, 200, 420));
                // New-anomaly notices come and go: close them so they do not cover the page.
                foreach (var close in await page.Locator(".mud-snackbar .mud-snackbar-close-button").AllAsync()) await close.ClickAsync(new() { Force = true });
                await page.WaitForTimeoutAsync(300);
                await page.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath($"insights-{key}-{mode}"), FullPage = true });
            }
            Assert.Empty(errors);
        }
        finally
        {
            if (mode == "dark") await page.ClickAsync("[data-testid=theme-toggle]");
            await page.Context.CloseAsync();
        }
    }
}
