using Microsoft.Playwright;

namespace Analytics.Tests.E2E;

[Trait("Category", "E2E")]
public sealed class MetricDefinitionsTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Theory]
    [InlineData("light", "first_response_minutes")]
    [InlineData("dark", "delivery_time_hours")]
    public async Task An_analyst_defines_a_metric_and_a_refused_definition_says_why(string scheme, string metric)
    {
        var page = await app.SignInAsync("analyst@demo.local", scheme);
        var errors = BrowserApp.CollectErrors(page);
        if (scheme == "dark") await page.ClickAsync("[data-testid=theme-toggle]");
        await page.ClickAsync("a[href='metrics']");
        await page.WaitForURLAsync("**/metrics", new() { WaitUntil = WaitUntilState.Commit });

        var table = page.Locator("[data-testid=metric-definitions]");
        var row = table.Locator("tr", new() { HasText = metric });
        await Assertions.Expect(row).ToContainTextAsync("gauge");
        await Assertions.Expect(row).ToContainTextAsync("convention");
        await page.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath($"metrics-{scheme}"), FullPage = true });

        // A gauge that sums over time is refused, naming the field.
        await row.Locator("[data-testid=definition-edit]").ClickAsync();
        var form = page.Locator("[data-testid=definition-form]");
        await form.Locator("[data-testid=definition-aggregate]").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "sum", Exact = true }).ClickAsync();
        await form.Locator("[data-testid=definition-save]").ClickAsync();
        await Assertions.Expect(form).ToContainTextAsync("never sums across time");

        await form.Locator("[data-testid=definition-aggregate]").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "max", Exact = true }).ClickAsync();
        await form.Locator("[data-testid=definition-save]").ClickAsync();
        await Assertions.Expect(form).ToHaveCountAsync(0);
        await Assertions.Expect(row).ToContainTextAsync("max");
        await Assertions.Expect(row).ToContainTextAsync("edited");
        // An analyst sees the modules but adds none.
        await Assertions.Expect(page.Locator("[data-testid=modules]")).ToContainTextAsync("fulfillment");
        await Assertions.Expect(page.Locator("[data-testid=module-add]")).ToHaveCountAsync(0);

        await page.SetViewportSizeAsync(390, 844);
        await page.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath($"metrics-phone-{scheme}"), FullPage = true });
        if (scheme == "dark") await page.ClickAsync("[data-testid=theme-toggle]");
        Assert.Empty(errors);
        await page.Context.CloseAsync();
    }
}
