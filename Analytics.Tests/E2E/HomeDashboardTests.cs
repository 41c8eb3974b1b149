using Microsoft.Playwright;

namespace Analytics.Tests.E2E;

[Trait("Category", "E2E")]
public sealed class HomeDashboardTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task The_demo_analyst_sees_both_widgets_drawn_and_can_switch_to_dark_mode_and_back()
    {
        var page = await app.SignInAsync("analyst@demo.local");
        var errors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") errors.Add(message.Text); };
        page.PageError += (_, error) => errors.Add(error);
        try
        {
            await Assertions.Expect(page.Locator("[data-testid=dashboard-link]", new() { HasText = "Sales" })).ToBeVisibleAsync();
            await page.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath("dashboards-light") });
            await page.ClickAsync("[data-testid=dashboard-link] >> text=Sales");
            await page.WaitForURLAsync("**/dashboards/*", new() { WaitUntil = WaitUntilState.Commit });
            await ExpectBothWidgetsDrawnAsync(page);
            Assert.Equal("demo", (await page.TextContentAsync("[data-testid=tenant]"))?.Trim());
            await page.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath("home-light") });

            await page.ClickAsync("[data-testid=theme-toggle]");
            await Assertions.Expect(page.Locator("body")).ToHaveCSSAsync("background-color", "rgb(16, 19, 31)");
            // Remembered for the user: a reload comes back dark.
            await page.ReloadAsync();
            await BrowserApp.WaitForInteractiveAsync(page);
            await ExpectBothWidgetsDrawnAsync(page);
            await Assertions.Expect(page.Locator("body")).ToHaveCSSAsync("background-color", "rgb(16, 19, 31)");
            await page.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath("home-dark") });

            await page.ClickAsync("[data-testid=theme-toggle]");
            await Assertions.Expect(page.Locator("body")).ToHaveCSSAsync("background-color", "rgb(245, 246, 250)");

            Assert.Empty(errors);
        }
        catch
        {
            await page.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath("home-failure") });
            throw;
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    private static async Task ExpectBothWidgetsDrawnAsync(IPage page)
    {
        await Assertions.Expect(page.Locator("[data-testid=dashboard-name]")).ToHaveTextAsync("Sales");
        await Assertions.Expect(page.Locator("[data-testid=line-chart] svg.apexcharts-svg")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(page.Locator("[data-testid=line-chart] path.apexcharts-line").First).ToBeAttachedAsync();
        await Assertions.Expect(page.Locator("[data-testid=kpi-value]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\$?[\d.,]+[kMB]?$"));
        // The last 30 days end with today, still in progress: the change compares the same span of the 30 days before.
        await Assertions.Expect(page.Locator("[data-testid=kpi-change]")).ToContainTextAsync("vs same span before");
        await Assertions.Expect(page.Locator("[data-testid=kpi-card] svg.apexcharts-svg")).ToBeVisibleAsync();
        // One chart per widget: a re-render must update the chart, not stack a second one.
        Assert.Equal(1, await page.Locator("[data-testid=line-chart] svg.apexcharts-svg").CountAsync());
    }
}
