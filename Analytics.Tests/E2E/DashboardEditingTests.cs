using System.Net.Http.Json;
using Analytics.Core.Dashboards;
using Microsoft.Playwright;
using Analytics.Tests.Infrastructure;

namespace Analytics.Tests.E2E;

[Trait("Category", "E2E")]
public sealed class DashboardEditingTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static readonly (string Type, string Title, string Metric, string? By)[] Widgets =
    [
        (WidgetTypes.KpiCard, "Orders KPI", "order_count", null),
        (WidgetTypes.LineChart, "Revenue line", "order_value", null),
        (WidgetTypes.AreaChart, "Revenue area", "order_value", "channel"),
        (WidgetTypes.BarChart, "Revenue bars", "order_value", "product"),
        (WidgetTypes.PieChart, "Revenue pie", "order_value", "channel"),
        (WidgetTypes.DonutChart, "Revenue donut", "order_value", "region"),
        (WidgetTypes.DataTable, "Revenue table", "order_value", "country"),
        (WidgetTypes.GeoMap, "Revenue map", "order_value", "country"),
    ];

    /// <summary>An input by test id, whether MudBlazor put the id on the input itself or on its wrapper.</summary>
    private static ILocator Field(IPage page, string testId) =>
        page.Locator($"input[data-testid={testId}], [data-testid={testId}] input").First;

    private static async Task ChooseAsync(IPage page, string selectTestId, string option)
    {
        await page.ClickAsync($"[data-testid={selectTestId}]");
        await page.Locator(".mud-popover-open .mud-list-item").GetByText(option, new() { Exact = true }).First.ClickAsync();
        await Assertions.Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
    }

    private static async Task AddWidgetAsync(IPage page, (string Type, string Title, string Metric, string? By) widget)
    {
        await page.ClickAsync("[data-testid=add-widget]");
        await Assertions.Expect(page.Locator("[data-testid=widget-editor]")).ToBeVisibleAsync();
        await ChooseAsync(page, "editor-type", System.Globalization.CultureInfo.InvariantCulture.TextInfo.ToTitleCase(widget.Type.Replace('_', ' ')));
        await Field(page, "editor-title").FillAsync(widget.Title);
        await ChooseAsync(page, "editor-metric", widget.Metric);
        if (widget.By is not null) await ChooseAsync(page, "editor-by", widget.By);
        await page.ClickAsync("[data-testid=editor-save]");
        await Assertions.Expect(page.Locator("[data-testid=widget-editor]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator($"[data-testid=widget][data-title='{widget.Title}']")).ToBeVisibleAsync();
    }

    /// <summary>Polls the dashboard API (the page's own sign-in cookie works for reads) until it holds these positions.</summary>
    private static async Task ExpectSavedAsync(IPage page, params (string Title, (int X, int Y, int W, int H) Position)[] expected)
    {
        var id = page.Url.Split('/').Last().Split('?')[0];
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var response = await page.APIRequest.GetAsync($"/api/demo/dashboards/{id}");
            var body = await response.JsonAsync();
            var widgets = body!.Value.GetProperty("widgets").EnumerateArray().ToDictionary(
                w => w.GetProperty("title").GetString()!,
                w => w.GetProperty("position") is var p ? (p.GetProperty("x").GetInt32(), p.GetProperty("y").GetInt32(), p.GetProperty("w").GetInt32(), p.GetProperty("h").GetInt32()) : default);
            if (expected.All(e => widgets.GetValueOrDefault(e.Title) == e.Position)) return;
            if (DateTime.UtcNow > deadline)
                Assert.Fail($"The layout was not saved: {string.Join(", ", expected.Select(e => $"{e.Title} {widgets.GetValueOrDefault(e.Title)} != {e.Position}"))}");
            await page.WaitForTimeoutAsync(200);
        }
    }

    /// <summary>Drags as a person does: press, a small first move past gridstack's threshold, then the rest in steps.</summary>
    private static async Task DragAsync(IPage page, float x, float y, float dx, float dy)
    {
        await page.Mouse.MoveAsync(x, y);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(x + 5, y + 5, new() { Steps = 2 });
        await page.WaitForTimeoutAsync(100);
        await page.Mouse.MoveAsync(x + dx, y + dy, new() { Steps = 20 });
        await page.WaitForTimeoutAsync(200);
        await page.Mouse.UpAsync();
        await page.WaitForTimeoutAsync(200);
    }

    private static async Task<(int X, int Y, int W, int H)> PositionAsync(IPage page, string title)
    {
        var item = page.Locator(".grid-stack-item", new() { Has = page.Locator($"[data-title='{title}']") });
        int Attr(string? v) => int.Parse(v ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        return (Attr(await item.GetAttributeAsync("gs-x")), Attr(await item.GetAttributeAsync("gs-y")),
                Attr(await item.GetAttributeAsync("gs-w")), Attr(await item.GetAttributeAsync("gs-h")));
    }

    [Fact]
    public async Task An_analyst_builds_a_dashboard_of_every_widget_type_arranges_it_and_finds_it_as_left()
    {
        var page = await app.SignInAsync("analyst@demo.local");
        var errors = BrowserApp.CollectErrors(page);
        try
        {
            await page.ClickAsync("[data-testid=create-dashboard]");
            await Field(page, "dashboard-form-name").FillAsync("Everything");
            await page.ClickAsync("[data-testid=dashboard-form-save]");
            await page.WaitForURLAsync("**/dashboards/*", new() { WaitUntil = WaitUntilState.Commit });
            await BrowserApp.WaitForInteractiveAsync(page);
            await Assertions.Expect(page.Locator("[data-testid=dashboard-empty]")).ToBeVisibleAsync();
            await page.ClickAsync("[data-testid=edit-toggle]");

            foreach (var widget in Widgets) await AddWidgetAsync(page, widget);

            // Drag the KPI card to the right, resize the line chart wider.
            var kpi = page.Locator(".grid-stack-item", new() { Has = page.Locator("[data-title='Orders KPI']") });
            var before = await PositionAsync(page, "Orders KPI");
            await kpi.ScrollIntoViewIfNeededAsync();
            var box = (await kpi.BoundingBoxAsync())!;
            var column = (await page.Locator(".grid-stack").BoundingBoxAsync())!.Width / 12;
            await DragAsync(page, box.X + box.Width / 2, box.Y + 20, 9 * column, 0); // to the free columns right of the 8-wide charts
            var line = page.Locator(".grid-stack-item", new() { Has = page.Locator("[data-title='Revenue line']") });
            var handle = line.Locator(".ui-resizable-se");
            await line.ScrollIntoViewIfNeededAsync();
            await line.HoverAsync();
            var lineBefore = await PositionAsync(page, "Revenue line");
            var handleBox = (await handle.BoundingBoxAsync())!;
            await DragAsync(page, handleBox.X + handleBox.Width / 2, handleBox.Y + handleBox.Height / 2, 0, 200);
            var moved = await PositionAsync(page, "Orders KPI");
            var resized = await PositionAsync(page, "Revenue line");
            Assert.NotEqual(before.X, moved.X);
            Assert.True(resized.H > lineBefore.H, $"{lineBefore} -> {resized}");

            // The layout saves after a short debounce: wait until the server has both changes, as a later visitor would see them.
            await ExpectSavedAsync(page, ("Orders KPI", moved), ("Revenue line", resized));
            await page.ReloadAsync();
            await BrowserApp.WaitForInteractiveAsync(page);
            Assert.Equal(moved, await PositionAsync(page, "Orders KPI"));
            Assert.Equal(resized, await PositionAsync(page, "Revenue line"));
            foreach (var widget in Widgets)
                await Assertions.Expect(page.Locator($"[data-testid=widget][data-title='{widget.Title}'] [data-testid=widget-loading]")).ToHaveCountAsync(0, new() { Timeout = 20_000 });
            await Assertions.Expect(page.Locator("[data-testid=widget-error]")).ToHaveCountAsync(0);
            await Assertions.Expect(page.Locator("svg.apexcharts-svg")).ToHaveCountAsync(6, new() { Timeout = 20_000 });
            await Assertions.Expect(page.Locator("[data-title='Revenue map'] svg")).Not.ToHaveCountAsync(0);
            await page.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath("dashboard-all-widgets-light"), FullPage = true });
            await page.ClickAsync("[data-testid=theme-toggle]");
            await page.WaitForTimeoutAsync(500);
            await page.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath("dashboard-all-widgets-dark"), FullPage = true });
            await page.ClickAsync("[data-testid=theme-toggle]");
            Assert.Empty(errors);
        }
        catch
        {
            await page.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath("dashboard-editing-failure"), FullPage = true });
            throw;
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task An_analyst_adds_a_business_kpi_and_a_forecast_from_the_widget_editor_and_sees_their_values()
    {
        var page = await app.SignInAsync("analyst@demo.local");
        var errors = BrowserApp.CollectErrors(page);
        try
        {
            await page.ClickAsync("[data-testid=create-dashboard]");
            await Field(page, "dashboard-form-name").FillAsync("Business KPIs");
            await page.ClickAsync("[data-testid=dashboard-form-save]");
            await page.WaitForURLAsync("**/dashboards/*", new() { WaitUntil = WaitUntilState.Commit });
            await BrowserApp.WaitForInteractiveAsync(page);
            await page.ClickAsync("[data-testid=edit-toggle]");

            // A KPI: the source, the area and the figure; the title follows the figure's name.
            await page.ClickAsync("[data-testid=add-widget]");
            await Assertions.Expect(page.Locator("[data-testid=widget-editor]")).ToBeVisibleAsync();
            await ChooseAsync(page, "editor-source", "Business KPI");
            await ChooseAsync(page, "editor-kpi-area", "Revenue");
            await ChooseAsync(page, "editor-kpi", "Average order value");
            await Assertions.Expect(Field(page, "editor-title")).ToHaveValueAsync("Average order value");
            await Assertions.Expect(page.Locator("[data-testid=widget-editor] [data-testid=kpi-value]")).ToContainTextAsync("$", new() { Timeout = 20_000 });
            await page.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath("widget-editor-kpi") });
            await page.ClickAsync("[data-testid=editor-save]");
            await Assertions.Expect(page.Locator("[data-testid=widget-editor]")).ToHaveCountAsync(0);

            // A forecast of revenue by month.
            await page.ClickAsync("[data-testid=add-widget]");
            await ChooseAsync(page, "editor-source", "Forecast");
            await ChooseAsync(page, "editor-forecast-granularity", "month");
            await Assertions.Expect(Field(page, "editor-title")).ToHaveValueAsync("Forecast of revenue");
            await page.ClickAsync("[data-testid=editor-save]");
            await Assertions.Expect(page.Locator("[data-testid=widget-editor]")).ToHaveCountAsync(0);

            // The card shows the figure the KPI API gives for the same 30 days (the demo tenant's zone is UTC).
            using var client = new HttpClient { BaseAddress = app.BaseAddress };
            client.DefaultRequestHeaders.Authorization = new("Bearer", BrowserApp.ApiKey);
            var today = SuiteClock.Today;
            var revenue = await client.GetFromJsonAsync<System.Text.Json.JsonElement>(
                $"/api/analytics/revenue?from={today.AddDays(-29):yyyy-MM-dd}&to={today:yyyy-MM-dd}");
            var expected = Analytics.Web.Components.Insights.InsightFormat.Money(revenue.GetProperty("summary").GetProperty("avgOrderValue").GetDecimal(), "usd");
            var card = page.Locator("[data-testid=widget][data-title='Average order value'] [data-testid=kpi-value]");
            await Assertions.Expect(card).ToHaveTextAsync(expected, new() { Timeout = 20_000 });
            await Assertions.Expect(page.Locator("[data-testid=widget][data-title='Forecast of revenue'] [data-testid=forecast-widget] svg.apexcharts-svg"))
                .ToBeVisibleAsync(new() { Timeout = 20_000 });

            // Saved as seed 004 widgets: a kpi_card of kpi.revenue.avg_order_value and a line_chart of forecast.revenue.
            var id = page.Url.Split('/').Last().Split('?')[0];
            var dashboard = await (await page.APIRequest.GetAsync($"/api/demo/dashboards/{id}")).JsonAsync();
            var widgets = dashboard!.Value.GetProperty("widgets").EnumerateArray()
                .Select(w => (w.GetProperty("type").GetString(), w.GetProperty("metric").GetString())).ToList();
            Assert.Contains((WidgetTypes.KpiCard, "kpi.revenue.avg_order_value"), widgets);
            Assert.Contains((WidgetTypes.LineChart, "forecast.revenue"), widgets);
            await page.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath("dashboard-kpi-widgets"), FullPage = true });
            Assert.Empty(errors);
        }
        catch
        {
            await page.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath("dashboard-kpi-widget-failure"), FullPage = true });
            throw;
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task An_admin_shares_with_managers_who_see_it_read_only_while_dealers_do_not_see_it()
    {
        var admin = await app.SignInAsync("admin@demo.local");
        await admin.ClickAsync("[data-testid=create-dashboard]");
        await Field(admin, "dashboard-form-name").FillAsync("For managers");
        await Field(admin, "share-manager").CheckAsync();
        await admin.ClickAsync("[data-testid=dashboard-form-save]");
        await admin.WaitForURLAsync("**/dashboards/*", new() { WaitUntil = WaitUntilState.Commit });
        var url = admin.Url;
        await admin.ScreenshotAsync(new() { Path = BrowserApp.ScreenshotPath("shared-dashboard-admin") });
        await Assertions.Expect(admin.Locator("[data-testid=sharing]")).ToContainTextAsync("manager");
        await admin.Context.CloseAsync();

        var manager = await app.SignInAsync("manager@demo.local");
        await Assertions.Expect(manager.Locator("[data-testid=dashboard-link]", new() { HasText = "For managers" })).ToBeVisibleAsync();
        await Assertions.Expect(manager.Locator("[data-testid=create-dashboard]")).ToHaveCountAsync(0);
        await manager.GotoAsync(url);
        await BrowserApp.WaitForInteractiveAsync(manager);
        await Assertions.Expect(manager.Locator("[data-testid=read-only]")).ToBeVisibleAsync();
        await Assertions.Expect(manager.Locator("[data-testid=edit-toggle]")).ToHaveCountAsync(0);
        await manager.Context.CloseAsync();

        var dealer = await app.SignInAsync("dealer@demo.local");
        await Assertions.Expect(dealer.Locator("[data-testid=dashboard-link]", new() { HasText = "Dealer Rewards" })).ToBeVisibleAsync();
        await Assertions.Expect(dealer.Locator("[data-testid=dashboard-link]", new() { HasText = "For managers" })).ToHaveCountAsync(0);
        await dealer.GotoAsync(url);
        await Assertions.Expect(dealer.GetByText("not shared with you")).ToBeVisibleAsync();
        await dealer.Context.CloseAsync();
    }

    [Fact]
    public async Task Events_recorded_over_the_api_redraw_an_open_kpi_without_a_reload()
    {
        var page = await app.SignInAsync("admin@demo.local");
        await page.ClickAsync("[data-testid=dashboard-link] >> text=Operations Overview");
        await page.WaitForURLAsync("**/dashboards/*", new() { WaitUntil = WaitUntilState.Commit });
        var kpi = page.Locator("[data-testid=widget][data-title='Orders Today'] [data-testid=kpi-value]");
        await Assertions.Expect(kpi).ToBeVisibleAsync(new() { Timeout = 20_000 });
        var before = await kpi.TextContentAsync();
        await page.EvaluateAsync("window.__marker = 'same page'");

        using var client = new HttpClient { BaseAddress = app.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new("Bearer", BrowserApp.ApiKey);
        var events = Enumerable.Range(0, 50).Select(_ => new { name = "order_count", value = 1000, module = "fulfillment" });
        (await client.PostAsJsonAsync("/api/demo/metrics", events)).EnsureSuccessStatusCode();

        await Assertions.Expect(kpi).Not.ToHaveTextAsync(before!, new() { Timeout = 10_000 });
        Assert.Equal("same page", await page.EvaluateAsync<string>("window.__marker"));
        await page.Context.CloseAsync();
    }
}
