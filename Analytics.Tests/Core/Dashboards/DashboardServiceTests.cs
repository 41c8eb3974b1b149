using Analytics.Core.Dashboards;
using Analytics.Core.Errors;
using Analytics.Core.Tenancy;
using Analytics.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Tests.Core.Dashboards;

public sealed class DashboardServiceTests : IAsyncLifetime
{
    private readonly CoreHost _host = new();
    private Caller _analyst = null!;

    public async ValueTask InitializeAsync() => _analyst = (await _host.CreateTenantAsync("acme", role: Roles.Analyst)) with { UserId = "u-1" };

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private Task<T> RunAsync<T>(Func<DashboardService, Task<T>> work) =>
        _host.RunAsync(_analyst, s => work(s.GetRequiredService<DashboardService>()));

    [Fact]
    public async Task Positions_outside_the_grid_are_refused_with_field_errors_and_nothing_is_saved()
    {
        var e = await Assert.ThrowsAsync<InvalidInputException>(() => RunAsync(d => d.CreateAsync(_analyst, new DashboardInput("Bad",
            Widgets: [new WidgetInput("kpi_card", "A", "order_value", Position: new WidgetPosition(-1, 0, 3, 2)),
                      new WidgetInput("line_chart", "B", "order_value", Position: new WidgetPosition(10, 0, 3, 0))]), CancellationToken.None)));

        Assert.Equal(["widgets[0].position.x", "widgets[1].position.h", "widgets[1].position.w"], e.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Empty(await RunAsync(d => d.ListAsync(_analyst, CancellationToken.None)));
    }

    [Fact]
    public async Task A_breakdown_widget_needs_its_dimension()
    {
        var e = await Assert.ThrowsAsync<InvalidInputException>(() => RunAsync(d => d.CreateAsync(_analyst, new DashboardInput("Map",
            Widgets: [new WidgetInput("geo_map", "Where", "order_value")]), CancellationToken.None)));
        Assert.Equal(["widgets[0].by"], e.Errors.Keys);
    }

    [Fact]
    public async Task A_business_kpi_goes_on_a_kpi_card_and_a_forecast_on_a_line_chart()
    {
        var e = await Assert.ThrowsAsync<InvalidInputException>(() => RunAsync(d => d.CreateAsync(_analyst, new DashboardInput("KPIs",
            Widgets: [new WidgetInput("line_chart", "A", "kpi.revenue.total_revenue"),
                      new WidgetInput("kpi_card", "B", "kpi.revenue.no_such_figure"),
                      new WidgetInput("bar_chart", "C", "forecast.revenue", By: "product")]), CancellationToken.None)));
        Assert.Equal(["widgets[0].type", "widgets[1].metric", "widgets[2].type"], e.Errors.Keys.Order(StringComparer.Ordinal));

        var created = await RunAsync(d => d.CreateAsync(_analyst, new DashboardInput("KPIs",
            Widgets: [new WidgetInput("kpi_card", "Stock value", "kpi.inventory.stock_value"), new WidgetInput("line_chart", "Forecast", "forecast.revenue", GroupBy: "month")]),
            CancellationToken.None));
        Assert.Equal(["forecast.revenue", "kpi.inventory.stock_value"], created.Dashboard.Widgets.Select(w => w.Metric).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Layout_changes_move_widgets_and_a_new_widget_goes_below_the_others()
    {
        var created = await RunAsync(d => d.CreateAsync(_analyst, new DashboardInput("Layout",
            Widgets: [new WidgetInput("kpi_card", "A", "order_value", Position: new WidgetPosition(0, 0, 3, 2)),
                      new WidgetInput("line_chart", "B", "order_value", Position: new WidgetPosition(3, 0, 9, 4))]), CancellationToken.None));
        var a = created.Dashboard.Widgets.Single(w => w.Title == "A");

        await RunAsync(d => d.UpdateAsync(_analyst, created.Dashboard.Id,
            new DashboardInput(Widgets: [new WidgetInput(Id: a.Id, Position: new WidgetPosition(6, 5, 6, 3))]), CancellationToken.None));
        var added = await RunAsync(d => d.AddWidgetAsync(_analyst, created.Dashboard.Id, new WidgetInput("data_table", "C", "order_value", By: "country"), CancellationToken.None));
        var reread = await RunAsync(d => d.GetAsync(_analyst, created.Dashboard.Id, CancellationToken.None));

        var moved = reread.Dashboard.Widgets.Single(w => w.Id == a.Id);
        Assert.Equal((6, 5, 6, 3), (moved.X, moved.Y, moved.W, moved.H));
        Assert.Equal((0, 8, 8, 6), (added.X, added.Y, added.W, added.H));
    }

    [Fact]
    public async Task Updating_a_widget_changes_only_what_is_sent_and_keeps_it_valid()
    {
        var created = await RunAsync(d => d.CreateAsync(_analyst, new DashboardInput("W",
            Widgets: [new WidgetInput("bar_chart", "By country", "order_value", By: "country", Period: "90d")]), CancellationToken.None));
        var widget = created.Dashboard.Widgets.Single();

        var updated = await RunAsync(d => d.UpdateWidgetAsync(_analyst, widget.Id, new WidgetInput(Title: "Countries", Agg: "avg"), CancellationToken.None));
        var e = await Assert.ThrowsAsync<InvalidInputException>(() => RunAsync(d => d.UpdateWidgetAsync(_analyst, widget.Id, new WidgetInput(By: ""), CancellationToken.None)));

        Assert.Equal(("Countries", "avg", "90d", "country"), (updated.Title, updated.Agg, updated.Period, updated.By));
        Assert.Equal(["by"], e.Errors.Keys);
    }

    [Fact]
    public async Task Duplicating_makes_a_private_copy_owned_by_the_caller()
    {
        var created = await RunAsync(d => d.CreateAsync(_analyst, new DashboardInput("Original",
            Widgets: [new WidgetInput("kpi_card", "A", "order_value")]), CancellationToken.None));

        var copy = await RunAsync(d => d.DuplicateAsync(_analyst, created.Dashboard.Id, CancellationToken.None));

        Assert.Equal("Original (copy)", copy.Dashboard.Name);
        Assert.Empty(copy.Dashboard.SharedWith);
        Assert.Single(copy.Dashboard.Widgets);
        Assert.NotEqual(created.Dashboard.Widgets[0].Id, copy.Dashboard.Widgets[0].Id);
    }

    [Fact]
    public async Task New_widgets_fill_the_first_free_spot_in_their_types_size()
    {
        var created = await RunAsync(d => d.CreateAsync(_analyst, new DashboardInput("Fill"), CancellationToken.None));
        var positions = new List<(int, int, int, int)>();
        foreach (var type in new[] { "kpi_card", "kpi_card", "line_chart", "kpi_card", "bar_chart" })
        {
            var w = await RunAsync(d => d.AddWidgetAsync(_analyst, created.Dashboard.Id, new WidgetInput(type, type, "order_value", By: "country"), CancellationToken.None));
            positions.Add((w.X, w.Y, w.W, w.H));
        }

        Assert.Equal([(0, 0, 3, 3), (3, 0, 3, 3), (0, 3, 8, 4), (6, 0, 3, 3), (0, 7, 6, 5)], positions);
    }
}
