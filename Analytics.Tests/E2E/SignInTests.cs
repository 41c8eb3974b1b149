using Microsoft.Playwright;

namespace Analytics.Tests.E2E;

[Trait("Category", "E2E")]
public sealed class SignInTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private async Task<IPage> LoginPageAsync()
    {
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseAddress.ToString() });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        return page;
    }

    private static async Task AttemptAsync(IPage page, string email, string password)
    {
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    [Fact]
    public async Task A_wrong_password_says_so_and_stays_on_the_sign_in_page()
    {
        var page = await LoginPageAsync();
        await AttemptAsync(page, "manager@demo.local", "not-the-password");

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("The email or password is not right.");
        Assert.Contains("/account/login", page.Url);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Repeated_failures_lock_the_account_even_against_the_right_password()
    {
        var page = await LoginPageAsync();
        for (var i = 0; i < 5; i++) await AttemptAsync(page, "dealer@demo.local", $"wrong-{i}");
        await AttemptAsync(page, "dealer@demo.local", BrowserApp.Password);

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("locked");
        Assert.Contains("/account/login", page.Url);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_app_bar_names_the_user_and_signing_out_returns_to_the_sign_in_page()
    {
        var page = await app.SignInAsync("operator@demo.local");
        await Assertions.Expect(page.Locator("[data-testid=appbar-user]")).ToHaveTextAsync("operator@demo.local");

        await page.ClickAsync("[data-testid=account-menu] button");
        await page.ClickAsync("[data-testid=sign-out]");
        await page.WaitForURLAsync("**/account/login");
        await page.GotoAsync("/");
        await page.WaitForURLAsync("**/account/login**");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_user_changes_their_password_and_signs_in_with_the_new_one()
    {
        var page = await app.SignInAsync("admin@demo.local");
        await page.GotoAsync("/account/change-password");
        await page.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath("change-password") });
        await page.FillAsync("#current", BrowserApp.Password);
        await page.FillAsync("#new", "a-new-Password-2027");
        await page.FillAsync("#confirm", "a-new-Password-2027");
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Your password was changed.");

        await page.GotoAsync("/");
        await BrowserApp.WaitForInteractiveAsync(page);
        await page.ClickAsync("[data-testid=account-menu] button");
        await page.ClickAsync("[data-testid=sign-out]");
        await page.WaitForURLAsync("**/account/login");
        await AttemptAsync(page, "admin@demo.local", BrowserApp.Password);
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("The email or password is not right.");
        await AttemptAsync(page, "admin@demo.local", "a-new-Password-2027");
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task The_sign_in_page_follows_the_system_colour_scheme(string scheme)
    {
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseAddress.ToString(),
            ColorScheme = scheme == "dark" ? ColorScheme.Dark : ColorScheme.Light,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath($"login-{scheme}") });
        var background = await page.EvalOnSelectorAsync<string>(".account-card", "e => getComputedStyle(e).backgroundColor");
        Assert.Equal(scheme == "dark" ? "rgb(26, 31, 51)" : "rgb(255, 255, 255)", background);
        await context.CloseAsync();
    }
}
