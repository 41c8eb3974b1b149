using System.Text.Json;
using Microsoft.Playwright;

namespace Analytics.Tests.E2E;

[Trait("Category", "E2E")]
public sealed class ReportsTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static ILocator Field(IPage page, string testId) =>
        page.Locator($"input[data-testid={testId}], [data-testid={testId}] input").First;

    private static async Task ChooseAsync(IPage page, string selectTestId, params string[] options)
    {
        await page.ClickAsync($"[data-testid={selectTestId}]");
        foreach (var option in options)
            await page.Locator(".mud-popover-open .mud-list-item").GetByText(option, new() { Exact = true }).First.ClickAsync();
        // A multiple choice stays open: a click outside the list closes it, as a person would do.
        if (await page.Locator(".mud-popover-open .mud-list-item").CountAsync() > 0) await page.Mouse.ClickAsync(700, 200);
        await Assertions.Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
    }

    private static async Task ScreenshotsAsync(IPage page, string name)
    {
        await page.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath($"{name}-light"), FullPage = true });
        await page.ClickAsync("[data-testid=theme-toggle]");
        await page.WaitForTimeoutAsync(500);
        await page.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath($"{name}-dark"), FullPage = true });
        await page.ClickAsync("[data-testid=theme-toggle]");
        await page.WaitForTimeoutAsync(300);
    }

    [Fact]
    public async Task A_manager_opens_the_weekly_report_and_downloads_its_pdf()
    {
        var page = await app.SignInAsync("manager@demo.local");
        var errors = BrowserApp.CollectErrors(page);
        try
        {
            await page.ClickAsync("a[href='reports']");
            await page.WaitForURLAsync("**/reports", new() { WaitUntil = WaitUntilState.Commit });
            await Assertions.Expect(page.Locator("[data-testid=report-list]")).ToBeVisibleAsync(new() { Timeout = 20_000 });
            await Assertions.Expect(page.Locator("[data-testid=create-report]")).ToHaveCountAsync(0);
            await ScreenshotsAsync(page, "reports-list");

            await page.Locator("[data-testid=report-link]").GetByText("Weekly Fulfillment Summary").ClickAsync();
            await page.WaitForURLAsync("**/reports/*", new() { WaitUntil = WaitUntilState.Commit });
            await Assertions.Expect(page.Locator("[data-testid=report-title]")).ToHaveTextAsync("Weekly Fulfillment Summary");
            await Assertions.Expect(page.Locator("[data-testid=run-now]")).ToHaveCountAsync(0);
            await Assertions.Expect(page.Locator("[data-testid=run-row]")).ToHaveCountAsync(3);
            await ScreenshotsAsync(page, "report-detail");

            var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=download-latest]"));

            Assert.EndsWith(".pdf", download.SuggestedFilename, StringComparison.Ordinal);
            Assert.StartsWith("weekly-fulfillment-summary-", download.SuggestedFilename, StringComparison.Ordinal);
            var path = Path.Combine(Path.GetTempPath(), "analytics-tests", download.SuggestedFilename);
            await download.SaveAsAsync(path);
            var head = new byte[5];
            await using (var file = File.OpenRead(path)) await file.ReadExactlyAsync(head);
            File.Delete(path);
            Assert.Equal("%PDF-"u8.ToArray(), head);
            Assert.Empty(errors);
        }
        catch
        {
            await page.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath("reports-manager-failure"), FullPage = true });
            throw;
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task An_analyst_creates_a_weekly_scheduled_report_in_the_editor()
    {
        var page = await app.SignInAsync("analyst@demo.local");
        var errors = BrowserApp.CollectErrors(page);
        try
        {
            await page.ClickAsync("a[href='reports']");
            await page.WaitForURLAsync("**/reports", new() { WaitUntil = WaitUntilState.Commit });
            // The editor is drawn in dark mode first; the light one is the same report opened again for editing at the end.
            await page.ClickAsync("[data-testid=theme-toggle]");
            await page.ClickAsync("[data-testid=create-report]");
            await Assertions.Expect(page.Locator("[data-testid=report-editor]")).ToBeVisibleAsync();

            await Field(page, "report-name").FillAsync("Friday support digest");
            await ChooseAsync(page, "report-modules", "support");
            await ChooseAsync(page, "report-metrics", "csat", "ticket_opened");
            await ChooseAsync(page, "report-format", "CSV — for analysis");
            await ChooseAsync(page, "report-frequency", "Weekly");
            await ChooseAsync(page, "report-day", "Friday");
            await Field(page, "report-time").FillAsync("25:00");
            await Assertions.Expect(page.Locator("[data-testid=schedule-preview]")).ToContainTextAsync("HH:mm");
            await Field(page, "report-time").FillAsync("07:30");
            await Assertions.Expect(page.Locator("[data-testid=schedule-preview]")).ToContainTextAsync("Every Friday at 07:30 (UTC)");
            await Assertions.Expect(page.Locator("[data-testid=schedule-preview] li")).ToHaveCountAsync(3);
            await Field(page, "report-emails").FillAsync("support-lead@demo.local, not-an-address");
            await page.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath("report-editor-dark"), FullPage = true });

            await page.ClickAsync("[data-testid=report-save]");
            await Assertions.Expect(page.Locator("[data-testid=report-emails-field]")).ToContainTextAsync("Not an email address");
            await Field(page, "report-emails").FillAsync("support-lead@demo.local");
            await page.ClickAsync("[data-testid=report-save]");

            await page.WaitForURLAsync("**/reports/*", new() { WaitUntil = WaitUntilState.Commit });
            await Assertions.Expect(page.Locator("[data-testid=report-title]")).ToHaveTextAsync("Friday support digest");
            await Assertions.Expect(page.Locator("[data-testid=report-next-run]")).ToContainTextAsync("Fri ");
            await Assertions.Expect(page.Locator("[data-testid=no-runs]")).ToBeVisibleAsync();

            var id = page.Url.Split('/').Last();
            var response = await page.APIRequest.GetAsync($"/api/demo/reports/{id}");
            using var body = JsonDocument.Parse(await response.BodyAsync());
            var report = body.RootElement;
            Assert.Equal("csv", report.GetProperty("format").GetString());
            Assert.Equal("30 7 * * 5", report.GetProperty("schedule").GetProperty("cron").GetString());
            Assert.Equal(["support"], report.GetProperty("modules").EnumerateArray().Select(m => m.GetString()));
            Assert.Equal(["csat", "ticket_opened"], report.GetProperty("metrics").EnumerateArray().Select(m => m.GetString()).Order());
            Assert.Equal(["support-lead@demo.local"], report.GetProperty("delivery").GetProperty("email").EnumerateArray().Select(m => m.GetString()));
            Assert.Equal(DayOfWeek.Friday, report.GetProperty("next_run_at").GetDateTime().DayOfWeek);

            await page.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath("report-created-dark"), FullPage = true });
            await page.ClickAsync("[data-testid=theme-toggle]");
            await page.ClickAsync("[data-testid=edit-report]");
            await Assertions.Expect(Field(page, "report-name")).ToHaveValueAsync("Friday support digest");
            await Assertions.Expect(page.Locator("[data-testid=schedule-preview]")).ToContainTextAsync("Every Friday at 07:30 (UTC)");
            await page.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath("report-editor-light"), FullPage = true });
            await page.Keyboard.PressAsync("Escape");
            Assert.Empty(errors);
        }
        catch
        {
            await page.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath("reports-analyst-failure"), FullPage = true });
            throw;
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}
