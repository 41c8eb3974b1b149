using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Analytics.Tests.E2E;

[Trait("Category", "E2E")]
public sealed class CustomersTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static async Task ChooseAsync(IPage page, string wrapper, string option)
    {
        await page.Locator($"[data-testid={wrapper}] .mud-select").First.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").GetByText(option, new() { Exact = true }).First.ClickAsync();
        await Assertions.Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Find_a_customer_open_the_profile_and_scroll_the_timeline()
    {
        foreach (var scheme in new[] { "light", "dark" })
        {
            var page = await app.SignInAsync("manager@demo.local");
            if (scheme == "dark") await page.ClickAsync("[data-testid=theme-toggle]");
            var errors = BrowserApp.CollectErrors(page);
            try
            {
                await page.ClickAsync("a[href=customers]");
                await page.WaitForURLAsync("**/customers", new() { WaitUntil = WaitUntilState.Commit });
                var rows = page.Locator("[data-testid=customer-grid] [data-testid=customer-link]");
                await Assertions.Expect(rows.First).ToBeVisibleAsync(new() { Timeout = 20_000 });
                // Sorted by lifetime value: the first row is the biggest customer.
                var name = (await rows.First.TextContentAsync())!.Trim();
                await page.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath($"customers-{scheme}") });

                // Demo company names repeat, so the search may find a few: every one bears the name, the biggest first.
                var others = rows.Filter(new() { HasNotText = name });
                await page.Locator("[data-testid=customer-search] input").FillAsync(name);
                await Assertions.Expect(others).ToHaveCountAsync(0, new() { Timeout = 10_000 });
                await Assertions.Expect(rows.First).ToHaveTextAsync(name);

                await rows.First.ClickAsync();
                await page.WaitForURLAsync("**/customers/*", new() { WaitUntil = WaitUntilState.Commit });
                await Assertions.Expect(page.Locator("[data-testid=customer-name]")).ToHaveTextAsync(name, new() { Timeout = 20_000 });
                await Assertions.Expect(page.Locator("[data-testid=customer-ltv]")).ToHaveTextAsync(new Regex(@"^\$[\d,]+\.\d\d$"));
                await Assertions.Expect(page.Locator("[data-testid=customer-engagement] svg.apexcharts-svg")).ToBeVisibleAsync(new() { Timeout = 20_000 });
                await Assertions.Expect(page.Locator("[data-testid=customer-revenue] svg.apexcharts-svg")).ToBeVisibleAsync(new() { Timeout = 20_000 });
                await Assertions.Expect(page.Locator("[data-testid=segment-chip]").First).ToBeVisibleAsync();

                var entries = page.Locator("[data-testid=timeline-entry]");
                await Assertions.Expect(entries).ToHaveCountAsync(30, new() { Timeout = 10_000 });
                await page.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath($"customer-profile-{scheme}"), FullPage = true });

                // Scrolling to the end of the list loads the next page by itself.
                await page.Locator("[data-testid=timeline-sentinel]").ScrollIntoViewIfNeededAsync();
                await Assertions.Expect(entries).Not.ToHaveCountAsync(30, new() { Timeout = 10_000 });
                var modules = await entries.EvaluateAllAsync<string[]>("els => [...new Set(els.map(e => e.dataset.module))]");
                Assert.True(modules.Length >= 2, $"modules on the timeline: {string.Join(", ", modules)}");
                var times = await entries.Locator(".mud-typography-caption").AllTextContentsAsync();
                var stamps = times.Select(t => Regex.Match(t, @"\d{4}-\d\d-\d\d \d\d:\d\d").Value).ToList();
                Assert.Equal(stamps.OrderDescending(StringComparer.Ordinal), stamps);

                Assert.Empty(errors);
            }
            catch
            {
                await page.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath($"customers-failure-{scheme}") });
                throw;
            }
            finally
            {
                if (scheme == "dark") await page.ClickAsync("[data-testid=theme-toggle]");
                await page.Context.CloseAsync();
            }
        }
    }

    [Fact]
    public async Task Create_a_segment_with_the_builder_and_see_its_members()
    {
        var page = await app.SignInAsync("analyst@demo.local");
        var errors = BrowserApp.CollectErrors(page);
        try
        {
            await page.GotoAsync("/segments", new() { WaitUntil = WaitUntilState.Commit });
            await BrowserApp.WaitForInteractiveAsync(page);
            await Assertions.Expect(page.Locator("[data-testid=segment-item]")).ToHaveCountAsync(4, new() { Timeout = 20_000 });
            // Every built-in segment of the demo has members.
            foreach (var count in await page.Locator("[data-testid=segment-count]").AllTextContentsAsync())
                Assert.NotEqual("0", count.Trim());

            await page.ClickAsync("[data-testid=new-segment]");
            await page.Locator("[data-testid=segment-name] input").FillAsync("germany-regulars");
            await ChooseAsync(page, "rule-field", "Country");
            await page.Locator("[data-testid=rule-value] input").FillAsync("DE");
            var germans = await SettledCountAsync(page);

            await page.ClickAsync("[data-testid=add-rule]");
            var second = page.Locator("[data-testid=segment-rule]").Nth(1);
            await second.Locator("[data-testid=rule-field] .mud-select").First.ClickAsync();
            await page.Locator(".mud-popover-open .mud-list-item").GetByText("Orders", new() { Exact = true }).ClickAsync();
            await second.Locator("[data-testid=rule-value] input").FillAsync("abc");
            await Assertions.Expect(second.Locator(".mud-input-helper-text")).ToContainTextAsync("compares with a number", new() { Timeout = 10_000 });
            await second.Locator("[data-testid=rule-value] input").FillAsync("2");
            var regulars = await SettledCountAsync(page);
            Assert.InRange(regulars, 1, germans);
            await page.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath("segment-builder-light"), FullPage = true });

            await page.ClickAsync("[data-testid=save-segment]");
            await Assertions.Expect(page.Locator("[data-testid=segment-item]")).ToHaveCountAsync(5, new() { Timeout = 10_000 });
            await Assertions.Expect(page.Locator("[data-testid=member-row]").First).ToBeVisibleAsync(new() { Timeout = 10_000 });
            Assert.Equal(Math.Min(regulars, 25), await page.Locator("[data-testid=member-row]").CountAsync());
            await Assertions.Expect(page.Locator("[data-testid=segment-members] h2")).ToHaveTextAsync($"Members ({regulars:N0})");
            var href = await page.Locator("[data-testid=export-members]").GetAttributeAsync("href");
            var csv = await page.APIRequest.GetAsync(href!);
            Assert.Equal(regulars + 1, (await csv.TextAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);

            await page.ClickAsync("[data-testid=theme-toggle]");
            await Assertions.Expect(page.Locator("body")).ToHaveCSSAsync("background-color", "rgb(16, 19, 31)");
            await page.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath("segments-dark"), FullPage = true });
            await page.ClickAsync("[data-testid=theme-toggle]");
            Assert.Empty(errors);
        }
        catch
        {
            await page.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath("segments-failure") });
            throw;
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    /// <summary>
    /// The live member count once it has settled: each edit recounts (debounced), so the preview can show a count, then
    /// "counting", then the new count; the same count on two reads a second apart, after the debounce, is the answer to the last edit.
    /// </summary>
    private static async Task<int> SettledCountAsync(IPage page)
    {
        var preview = page.Locator("[data-testid=segment-preview]");
        int? previous = null;
        await Task.Delay(1_000); // past the 400 ms debounce of the last edit
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var match = Regex.Match(await preview.TextContentAsync() ?? "", @"^([\d,]+) customers match now$");
            int? current = match.Success ? int.Parse(match.Groups[1].Value.Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture) : null;
            if (current is not null && current == previous) return current.Value;
            previous = current;
            await Task.Delay(1_000);
        }
        throw new TimeoutException($"The member count did not settle: '{await preview.TextContentAsync()}'.");
    }
}
