using Microsoft.Playwright;

namespace Analytics.Tests.E2E;

[Trait("Category", "E2E")]
public sealed class ExploreAndRangeTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task The_time_range_overrides_widget_periods_and_lives_in_the_url()
    {
        var page = await app.SignInAsync("analyst@demo.local");
        await page.ClickAsync("[data-testid=dashboard-link] >> text=Sales");
        await page.WaitForURLAsync("**/dashboards/*", new() { WaitUntil = WaitUntilState.Commit });
        await BrowserApp.WaitForInteractiveAsync(page);

        await page.ClickAsync("[data-testid=range-select]");
        await page.Locator(".mud-popover-open .mud-list-item").GetByText("Last 7 days", new() { Exact = true }).ClickAsync();

        await page.WaitForURLAsync("**range=7d**", new() { WaitUntil = WaitUntilState.Commit });
        await Assertions.Expect(page.Locator("[data-title='Revenue by day']")).ToContainTextAsync("Last 7 days");
        // Every widget, the KPI card too, is relabelled with the range it now shows.
        await Assertions.Expect(page.Locator("[data-testid=widget]").Filter(new() { HasNotText = "Last 7 days" })).ToHaveCountAsync(0);
        var link = page.Url;
        await page.Context.CloseAsync();

        var again = await app.SignInAsync("analyst@demo.local");
        await again.GotoAsync(link);
        await BrowserApp.WaitForInteractiveAsync(again);
        await Assertions.Expect(again.Locator("[data-title='Revenue by day']")).ToContainTextAsync("Last 7 days");
        await Assertions.Expect(again.Locator("[data-title='Revenue by day'] svg.apexcharts-svg")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await again.Context.CloseAsync();
    }

    [Fact]
    public async Task An_explored_breakdown_is_added_to_a_dashboard()
    {
        var page = await app.SignInAsync("analyst@demo.local");
        var errors = BrowserApp.CollectErrors(page);
        await page.ClickAsync("a[href='explore']");
        await BrowserApp.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=explore-chart] svg.apexcharts-svg")).ToBeVisibleAsync(new() { Timeout = 20_000 });

        await page.ClickAsync("[data-testid=explore-by]");
        await page.Locator(".mud-popover-open .mud-list-item").GetByText("country", new() { Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=explore-table]")).ToContainTextAsync("DE", new() { Timeout = 20_000 });
        await page.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath("explore-light"), FullPage = true });
        await page.ClickAsync("[data-testid=explore-add]");
        // Other notices (new anomalies) may show beside it: find the one this action raised.
        await Assertions.Expect(page.Locator(".mud-snackbar", new() { HasText = "Added to" })).ToBeVisibleAsync();

        await page.GotoAsync("/");
        await page.ClickAsync("[data-testid=dashboard-link] >> text=Sales");
        await Assertions.Expect(page.Locator("[data-testid=widget][data-title='order_value · sum by day, per country']")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        Assert.Empty(errors);
        await page.Context.CloseAsync();
    }
}
