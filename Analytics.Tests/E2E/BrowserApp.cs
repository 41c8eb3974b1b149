using Analytics.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Analytics.Tests.E2E;

/// <summary>The real app on Kestrel with the demo tenant, and Debian's Chromium driven by Playwright.</summary>
public sealed class BrowserApp : IAsyncLifetime
{
    public const string Password = "demo-Analytics-2026";
    public const string ApiKey = "ak_demo_e2e_0123456789abcdef01234567";

    private sealed class KestrelApp : AnalyticsAppFactory
    {
        protected override IDictionary<string, string> Settings => new Dictionary<string, string>
        {
            ["Seed:Demo:Enabled"] = "true",
            ["Seed:Demo:Days"] = "120",
            ["Seed:Demo:Password"] = Password,
            ["Seed:Demo:ApiKey"] = ApiKey,
            // Every test signs in from loopback; the per-address sign-in budget is for people, not for a test run.
            ["RateLimits:SignInPermits"] = "10000",
            // The background detector would announce its findings at a moment of its own, over whatever a test clicks next;
            // the Insights test runs detection itself, and sees its notice as a person would.
            ["Anomalies:Enabled"] = "false",
        };
    }

    private readonly KestrelApp _app = new();
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        _app.UseKestrel(0);
        _app.StartServer();
        BaseAddress = _app.ClientOptions.BaseAddress;
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    private static string ChromiumPath =>
        new[] { Environment.GetEnvironmentVariable("CHROMIUM_PATH"), "/usr/bin/chromium", "/usr/bin/chromium-browser" }
            .FirstOrDefault(p => p is not null && File.Exists(p))
        ?? throw new InvalidOperationException("Chromium is not installed: ./test.sh installs Debian's chromium, or set CHROMIUM_PATH.");

    /// <summary>A fresh browser context signed in as the given demo user.</summary>
    public async Task<IPage> SignInAsync(string email, string? colorScheme = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1400, Height = 900 },
            ColorScheme = colorScheme == "dark" ? ColorScheme.Dark : ColorScheme.Light,
            // Charts honour the motion preference, so screenshots show finished drawings, not animation frames.
            ReducedMotion = ReducedMotion.Reduce,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.WaitForURLAsync("**/account/login**");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
        await WaitForInteractiveAsync(page);
        return page;
    }

    /// <summary>Collects console errors and uncaught exceptions of a page, to assert there were none.</summary>
    public static List<string> CollectErrors(IPage page)
    {
        var errors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") errors.Add(message.Text); };
        page.PageError += (_, error) => errors.Add(error);
        return errors;
    }

    /// <summary>Waits until the Blazor circuit has taken over the prerendered page, so clicks reach it.</summary>
    public static Task WaitForInteractiveAsync(IPage page) =>
        Assertions.Expect(page.Locator("[data-interactive=true]")).ToBeAttachedAsync(new() { Timeout = 20_000 });

    /// <summary>Where screenshots go: next to the test results, kept after the run.</summary>
    public static string ScreenshotPath(string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name + ".png");
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        await _app.DisposeAsync();
    }
}
