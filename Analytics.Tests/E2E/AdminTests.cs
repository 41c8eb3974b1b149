using System.Net;
using Microsoft.Playwright;

namespace Analytics.Tests.E2E;

[Trait("Category", "E2E")]
public sealed class AdminTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Theory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task An_admin_adds_a_user_issues_a_key_revokes_it_and_finds_both_in_the_audit_log(string scheme)
    {
        var page = await app.SignInAsync("admin@demo.local", scheme);
        var errors = BrowserApp.CollectErrors(page);
        if (scheme == "dark") await page.ClickAsync("[data-testid=theme-toggle]");
        await page.ClickAsync("a[href='admin']");
        await page.WaitForURLAsync("**/admin", new() { WaitUntil = WaitUntilState.Commit });

        var users = page.Locator("[data-testid=user-list]");
        await Assertions.Expect(users).ToContainTextAsync("analyst@demo.local");
        await page.Locator("[data-testid=new-user] input[type=email]").FillAsync($"new-{scheme}@demo.local");
        await page.Locator("[data-testid=new-user] button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=one-time-secret]")).ToContainTextAsync($"Password for new-{scheme}@demo.local");
        await Assertions.Expect(users).ToContainTextAsync($"new-{scheme}@demo.local");
        await ScreenshotAsync(page, $"admin-users-{scheme}");

        await page.GetByRole(AriaRole.Tab, new() { Name = "API keys" }).ClickAsync();
        await page.Locator("[data-testid=new-key] input").First.FillAsync($"erp-{scheme}");
        await page.Locator("[data-testid=new-key] button[type=submit]").ClickAsync();
        var secret = (await page.Locator("[data-testid=secret-value]").TextContentAsync())!.Trim();
        Assert.StartsWith("ak_", secret);
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new("Bearer", secret);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/demo/metrics/catalog")).StatusCode);
        await ScreenshotAsync(page, $"admin-keys-{scheme}");

        var row = page.Locator("[data-testid=key-list] tr", new() { HasText = $"erp-{scheme}" });
        await row.Locator("[data-testid=revoke-key]").ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Revoke" }).ClickAsync();
        await Assertions.Expect(row).ToContainTextAsync("Revoked");
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/api/demo/metrics/catalog")).StatusCode);

        await page.GetByRole(AriaRole.Tab, new() { Name = "Audit log" }).ClickAsync();
        var audit = page.Locator("[data-testid=audit-list]");
        await Assertions.Expect(audit).ToContainTextAsync("demo seed");
        await Assertions.Expect(audit).ToContainTextAsync("api_key.revoked");
        await Assertions.Expect(audit).ToContainTextAsync($"user new-{scheme}@demo.local");
        await ScreenshotAsync(page, $"admin-audit-{scheme}");

        await page.GetByRole(AriaRole.Tab, new() { Name = "Settings" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=retention]")).ToContainTextAsync("Raw events");
        var raw = page.Locator("[data-testid=retention-raw] input");
        await raw.FillAsync("400");
        await page.ClickAsync("[data-testid=save-retention]");
        await Assertions.Expect(page.Locator("[data-testid=retention-raw]")).ToContainTextAsync("Raw events are kept 7 to 365 days.");
        await raw.FillAsync("60");
        await page.ClickAsync("[data-testid=save-retention]");
        await Assertions.Expect(page.Locator(".mud-snackbar", new() { HasText = "Retention saved." })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=retention-raw]")).Not.ToContainTextAsync("7 to 365 days.");
        await Assertions.Expect(raw).ToHaveValueAsync("60");
        await ScreenshotAsync(page, $"admin-settings-{scheme}");
        await page.ClickAsync("[data-testid=admin-test-email]");
        await page.GetByRole(AriaRole.Dialog).GetByLabel("To").FillAsync("ops@demo.local");
        await page.ClickAsync("[data-testid=test-email-send]");
        await Assertions.Expect(page.Locator("[data-testid=test-email-sent]")).ToContainTextAsync("pickup folder");
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Close" }).ClickAsync();
        if (scheme == "dark") await page.ClickAsync("[data-testid=theme-toggle]");
        Assert.Empty(errors);
        await page.Context.CloseAsync();
    }

    /// <summary>A screenshot of the whole tab as a person sees it at rest: from the top, no pointer hovering, notices closed.</summary>
    private static async Task ScreenshotAsync(IPage page, string name)
    {
        await page.Mouse.MoveAsync(1390, 890);
        await page.EvaluateAsync("() => document.querySelectorAll('.mud-snackbar button').forEach(b => b.click())");
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToHaveCountAsync(0);
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        // The tab underline slides to the chosen tab.
        await page.WaitForTimeoutAsync(400);
        // A window as tall as the tab, rather than a full-page capture, keeps the fixed menu and app bar where a person sees them.
        var height = await page.EvaluateAsync<int>("() => document.documentElement.scrollHeight");
        await page.SetViewportSizeAsync(1400, Math.Max(900, height));
        await page.WaitForTimeoutAsync(200);
        await page.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath(name) });
        await page.SetViewportSizeAsync(1400, 900);
    }

    [Fact]
    public async Task Other_roles_see_no_admin_link_and_the_address_says_no_access()
    {
        var page = await app.SignInAsync("analyst@demo.local");
        await Assertions.Expect(page.Locator("a[href='admin']")).ToHaveCountAsync(0);

        await page.GotoAsync("/admin");

        await Assertions.Expect(page.Locator("[data-testid=access-denied]")).ToBeVisibleAsync();
        Assert.Contains("/access-denied", page.Url);
        await page.Context.CloseAsync();
    }
}
