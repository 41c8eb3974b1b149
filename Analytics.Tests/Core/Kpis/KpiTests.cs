using Analytics.Core.Customers;
using Analytics.Core.Errors;
using Analytics.Core.Kpis;
using Analytics.Core.Metrics;
using Analytics.Core.Tenancy;
using Analytics.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Tests.Core.Kpis;

/// <summary>Each area's figures on a few hand-made events, against numbers worked out by hand in the comments.</summary>
public sealed class KpiTests : IAsyncLifetime
{
    // Today is 15 March 2026; the window is February (28 days), the previous window 4 January to 31 January.
    private readonly CoreHost _host = new(new DateTimeOffset(2026, 3, 15, 12, 0, 0, TimeSpan.Zero));
    private Caller _acme = null!;
    private static readonly KpiRequest February = new("2026-02-01", "2026-02-28", "month");

    public async ValueTask InitializeAsync()
    {
        _acme = await _host.CreateTenantAsync("acme");
        // One usd buys 0.5 eur or 0.8 gbp: 50 eur are 100 usd, 10 gbp are 12.50 usd.
        await _host.RunAsync(_acme, s => s.GetRequiredService<ExchangeRateService>().SetAsync(_acme, [new("eur", 0.5m), new("gbp", 0.8m)], CancellationToken.None));
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private static MetricEventInput E(string name, double value, string at, params (string Key, string Value)[] dims) =>
        new(name, value, "sales", dims.Length == 0 ? null : dims.ToDictionary(d => d.Key, d => d.Value),
            DateTimeOffset.Parse(at + "T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    private Task RecordAsync(params MetricEventInput[] events) =>
        _host.RunAsync(_acme, s => s.GetRequiredService<MetricIngestService>().RecordAsync(_acme, events, CancellationToken.None));

    private Task<T> RunAsync<T>(Func<IServiceProvider, Task<T>> work, Caller? caller = null) => _host.RunAsync(caller ?? _acme, work);

    private Task RecordOrdersAsync() => RecordAsync(
        E("order_value", 200, "2026-01-15", ("product", "Desk"), ("currency", "usd")),
        E("order_value", 100, "2026-02-02", ("product", "Desk"), ("currency", "usd")),
        E("order_value", 50, "2026-02-10", ("product", "Lamp"), ("currency", "eur")),
        E("order_value", 200, "2026-02-20", ("product", "Desk")),
        E("refund_amount", 20, "2026-02-21", ("product", "Desk"), ("currency", "usd")),
        E("subscription_revenue", 1000, "2026-01-20", ("currency", "usd")),
        E("subscription_revenue", 30, "2026-02-05", ("currency", "usd")),
        E("subscription_revenue", 10, "2026-02-06", ("currency", "gbp")));

    [Fact]
    public async Task Revenue_converts_each_currency_and_compares_with_the_previous_window()
    {
        await RecordOrdersAsync();

        var report = await RunAsync(s => s.GetRequiredService<RevenueKpis>().GetAsync(_acme, February, CancellationToken.None));

        // 100 usd + 50 eur (100 usd) + 200 without a currency (the tenant's usd) = 400 in 3 orders; January had 200.
        Assert.Equal(400m, report.Summary.TotalRevenue);
        Assert.Equal(1.0, report.Summary.RevenueGrowth);
        Assert.Equal(133.33m, report.Summary.AvgOrderValue);
        // MRR: the 30 days up to 1 March hold 30 usd and 10 gbp (12.50 usd); the 1000 of 20 January is older.
        Assert.Equal(42.5m, report.Summary.Mrr);
        Assert.Equal(510m, report.Summary.Arr);
        Assert.Equal(20m, report.Summary.Refunds);
        Assert.Equal(380m, report.Summary.NetRevenue);
        Assert.Equal("usd", report.Summary.Currency);
        Assert.Equal([new RevenuePeriod("2026-02", 400m, 3, 20m)], report.TimeSeries);
        Assert.Equal([new ProductRevenue("Desk", 300m, 2), new ProductRevenue("Lamp", 100m, 1)], report.ByProduct);
    }

    [Fact]
    public async Task Revenue_in_euros_uses_the_tenant_rates()
    {
        await RecordOrdersAsync();

        var report = await RunAsync(s => s.GetRequiredService<RevenueKpis>().GetAsync(_acme, February with { Currency = "EUR" }, CancellationToken.None));

        Assert.Equal("eur", report.Summary.Currency);
        Assert.Equal(200m, report.Summary.TotalRevenue);
        Assert.Equal(21.25m, report.Summary.Mrr);
        Assert.Equal([new ProductRevenue("Desk", 150m, 2), new ProductRevenue("Lamp", 50m, 1)], report.ByProduct);
    }

    [Fact]
    public async Task An_empty_window_has_zeros_and_no_growth()
    {
        var report = await RunAsync(s => s.GetRequiredService<RevenueKpis>().GetAsync(_acme, February, CancellationToken.None));

        Assert.Equal(0m, report.Summary.TotalRevenue);
        Assert.Null(report.Summary.RevenueGrowth);
        Assert.Equal(0m, report.Summary.AvgOrderValue);
        Assert.Empty(report.ByProduct);
        Assert.Equal([new RevenuePeriod("2026-02", 0m, 0, 0m)], report.TimeSeries);
    }

    [Fact]
    public async Task Bad_parameters_are_field_errors_and_from_after_to_is_unprocessable()
    {
        var revenue = (KpiRequest r) => RunAsync(s => s.GetRequiredService<RevenueKpis>().GetAsync(_acme, r, CancellationToken.None));

        var unknown = await Assert.ThrowsAsync<InvalidInputException>(() => revenue(new("2026-02-01", "2026-02-30", "hour", "xyz")));
        Assert.Equal(["currency", "groupBy", "to"], unknown.Errors.Keys.Order());
        await Assert.ThrowsAsync<UnprocessableException>(() => revenue(new("2026-03-01", "2026-02-01")));
    }

    [Fact]
    public async Task Operators_and_dealers_may_not_read_kpis()
    {
        var operatorCaller = _acme with { Roles = new HashSet<string> { Roles.Operator } };

        await Assert.ThrowsAsync<ForbiddenException>(() =>
            RunAsync(s => s.GetRequiredService<SalesKpis>().GetAsync(operatorCaller, February, CancellationToken.None), operatorCaller));
    }

    [Fact]
    public async Task Sales_funnel_counts_each_stage_with_its_value()
    {
        var events = new List<MetricEventInput>();
        for (var i = 0; i < 4; i++) events.Add(E("deal_stage", 1000 + 500 * i, "2026-02-03", ("stage", "leads")));
        events.Add(E("deal_stage", 1000, "2026-02-05", ("stage", "qualified")));
        events.Add(E("deal_stage", 2000, "2026-02-05", ("stage", "qualified")));
        events.Add(E("deal_stage", 2000, "2026-02-09", ("stage", "proposal")));
        events.Add(E("deal_stage", 2000, "2026-02-12", ("stage", "negotiation")));
        events.Add(E("deal_stage", 2000, "2026-02-16", ("stage", "won")));
        events.Add(E("deal_stage", 1000, "2026-02-16", ("stage", "lost")));
        events.Add(E("deal_cycle_days", 10, "2026-02-16"));
        events.Add(E("deal_cycle_days", 21, "2026-02-17"));
        await RecordAsync([.. events]);

        var report = await RunAsync(s => s.GetRequiredService<SalesKpis>().GetAsync(_acme, February, CancellationToken.None));

        Assert.Equal(
            [new("leads", 4, 7000m), new("qualified", 2, 3000m), new("proposal", 1, 2000m), new("negotiation", 1, 2000m), new FunnelStage("won", 1, 2000m)],
            report.Funnel);
        Assert.Equal(0.25, report.WinRate);
        Assert.Equal(2000m, report.AvgDealSize);
        Assert.Equal(15.5, report.AvgCycledays);
        Assert.Equal(1, report.Lost);
    }

    [Fact]
    public async Task Products_have_revenue_units_refunds_growth_and_share()
    {
        await RecordOrdersAsync();

        var report = await RunAsync(s => s.GetRequiredService<ProductKpis>().GetAsync(_acme, February, CancellationToken.None));

        // Desk: 300 now, 200 before (+50 %), 75 % of 400, refunds 20. Lamp: new, 25 %.
        Assert.Equal([new ProductPerformance("Desk", 300m, 2, 20m, 0.5, 0.75), new ProductPerformance("Lamp", 100m, 1, 0m, null, 0.25)], report.Products);
        Assert.Equal(400m, report.TotalRevenue);
    }

    private static MetricEventInput C(string customer, string name, double value, string at, params (string Key, string Value)[] dims) =>
        E(name, value, at, dims) with { CustomerId = customer };

    private Task RecordCustomersAsync() => RecordAsync(
        C("c1", "order_value", 200, "2026-01-15", ("currency", "usd")),
        C("c1", "customer_churned", 1, "2026-02-06"),
        C("c2", "order_value", 100, "2026-01-20", ("currency", "usd")),
        C("c2", "refund_amount", 20, "2026-02-21", ("currency", "usd")),
        C("c2", "order_value", 40, "2026-03-05", ("currency", "usd")),
        C("c3", "customer_signup", 1, "2026-02-03", ("channel", "organic_search")),
        C("c3", "order_value", 50, "2026-02-10", ("currency", "eur")),
        C("c3", "subscription_revenue", 10, "2026-02-12", ("currency", "gbp")),
        C("c4", "customer_signup", 1, "2026-02-04", ("channel", "organic_search")),
        C("c5", "customer_signup", 1, "2026-03-03", ("channel", "referral")),
        C("c5", "order_value", 300, "2026-03-03"),
        E("customer_signup", 1, "2026-02-05", ("channel", "referral")),
        E("marketing_spend", 300, "2026-02-07", ("campaign", "search")));

    [Fact]
    public async Task Customers_have_acquisition_cac_and_ltv_and_retention_from_the_profiles()
    {
        await RecordCustomersAsync();

        var report = await RunAsync(s => s.GetRequiredService<CustomerKpis>().GetAsync(_acme, February, CancellationToken.None));

        // c3, c4 and one signup without a customer.
        Assert.Equal(3, report.NewCustomers);
        Assert.Equal(1, report.ChurnedCustomers);
        Assert.Equal(2, report.NetGrowth);
        // LTV on 1 March of the customers first seen by then (c1–c4): c1 200; c2 100 − 20 (its 40 of 5 March is later);
        // c3 50 eur (100 usd) + 10 gbp (12.50 usd); c4 nothing. 392.50 ÷ 4 = 98.125. c5 is first seen after February.
        Assert.Equal(98.13m, report.AvgLtv);
        Assert.Equal(100m, report.Cac);
        Assert.Equal(0.98, report.LtvCacRatio);
        // c1 and c2 were customers on 1 February; c1 churned in February.
        Assert.Equal(2, report.CustomersAtStart);
        Assert.Equal(0.5, report.RetentionRate);
        Assert.Equal([new AcquisitionChannel("organic_search", 2, 0.6667), new AcquisitionChannel("referral", 1, 0.3333)], report.ByAcquisitionChannel);
    }

    [Fact]
    public async Task Customer_ltv_converts_the_profiles_into_the_requested_currency()
    {
        await RecordCustomersAsync();

        var report = await RunAsync(s => s.GetRequiredService<CustomerKpis>().GetAsync(_acme, February with { Currency = "eur" }, CancellationToken.None));

        // 98.125 usd at 0.5 eur per usd; the 300 of spend is 150 eur.
        Assert.Equal("eur", report.Currency);
        Assert.Equal(49.06m, report.AvgLtv);
        Assert.Equal(50m, report.Cac);
    }

    [Fact]
    public async Task Retention_counts_only_customers_present_at_the_start_and_a_churn_before_it_takes_one_out()
    {
        await RecordCustomersAsync();

        // March: c2, c3 and c4 are customers on 1 March (c1 churned in February); none of them churns in March.
        var march = await RunAsync(s => s.GetRequiredService<CustomerKpis>().GetAsync(_acme, new KpiRequest("2026-03-01", "2026-03-14"), CancellationToken.None));
        Assert.Equal(3, march.CustomersAtStart);
        Assert.Equal(1.0, march.RetentionRate);
        // LTV up to 15 March: c1 200, c2 120, c3 112.50, c4 0, c5 300 = 732.50 over 5.
        Assert.Equal(146.5m, march.AvgLtv);

        // January: nobody was first seen before 1 January, so there is no retention to speak of.
        var january = await RunAsync(s => s.GetRequiredService<CustomerKpis>().GetAsync(_acme, new KpiRequest("2026-01-01", "2026-01-31"), CancellationToken.None));
        Assert.Equal(0, january.CustomersAtStart);
        Assert.Null(january.RetentionRate);
        // By 1 February: c1 200 and c2 100.
        Assert.Equal(150m, january.AvgLtv);
    }

    [Fact]
    public async Task Stock_value_is_the_last_days_units_at_their_unit_cost_and_says_how_many_units_it_covers()
    {
        await RecordAsync(
            E("stock_level", 10, "2026-02-27", ("sku", "A"), ("warehouse", "w1"), ("unit_cost", "12.5")),
            E("stock_level", 5, "2026-02-27", ("sku", "A"), ("warehouse", "w2"), ("unit_cost", "12.5")),
            E("stock_level", 7, "2026-02-27", ("sku", "B"), ("warehouse", "w1"), ("unit_cost", "4")),
            E("stock_level", 8, "2026-02-28", ("sku", "A"), ("warehouse", "w1"), ("unit_cost", "12.5")),
            E("stock_level", 5, "2026-02-28", ("sku", "A"), ("warehouse", "w2"), ("unit_cost", "12.5")),
            E("stock_level", 6, "2026-02-28", ("sku", "B"), ("warehouse", "w1")),
            E("stock_level", 9, "2026-01-30", ("sku", "A"), ("warehouse", "w1"), ("unit_cost", "10")));
        var inventory = (KpiRequest r) => RunAsync(s => s.GetRequiredService<InventoryKpis>().GetAsync(_acme, r, CancellationToken.None));

        var report = await inventory(February with { GroupBy = "week" });

        // 28 February: 8 + 5 units of A at 12.50 = 162.50; the 6 of B carry no cost and are not valued.
        Assert.Equal(19, report.StockUnits);
        Assert.Equal(162.5m, report.StockValue);
        Assert.Equal(13, report.ValuedUnits);
        Assert.Equal("usd", report.Currency);
        // The week of 23 February ends on the 28th; 27 February's 15 × 12.50 + 7 × 4 = 215.50 is overtaken by it.
        Assert.Equal(162.5m, report.TimeSeries[^1].StockValue);
        Assert.All(report.TimeSeries.SkipLast(1), p => Assert.Null(p.StockValue));

        var euros = await inventory(February with { Currency = "eur" });
        Assert.Equal(81.25m, euros.StockValue);
        // January's last reading: 9 at 10.
        Assert.Equal(90m, (await inventory(new KpiRequest("2026-01-01", "2026-01-31"))).StockValue);
    }

    [Fact]
    public async Task Inventory_sums_the_last_count_of_each_item_and_counts_alerts()
    {
        await RecordAsync(
            E("stock_level", 10, "2026-02-27", ("sku", "A"), ("warehouse", "w1")),
            E("stock_level", 5, "2026-02-27", ("sku", "A"), ("warehouse", "w2")),
            E("stock_level", 7, "2026-02-27", ("sku", "B"), ("warehouse", "w1")),
            E("stock_level", 8, "2026-02-28", ("sku", "A"), ("warehouse", "w1")),
            E("stock_level", 5, "2026-02-28", ("sku", "A"), ("warehouse", "w2")),
            E("stock_level", 6, "2026-02-28", ("sku", "B"), ("warehouse", "w1")),
            E("stock_received", 20, "2026-02-10", ("sku", "A"), ("warehouse", "w1")),
            E("low_stock_alert", 6, "2026-02-28", ("sku", "B"), ("warehouse", "w1")),
            E("shipment_volume", 28, "2026-02-15", ("country", "DE")));

        var report = await RunAsync(s => s.GetRequiredService<InventoryKpis>().GetAsync(_acme, February, CancellationToken.None));

        Assert.Equal(19, report.StockUnits);
        // No reading carries a unit cost: there is no stock value to report.
        Assert.Null(report.StockValue);
        Assert.Equal(20, report.ReceivingVolume);
        Assert.Equal(1, report.LowStockAlerts);
        Assert.Equal([new LowStockItem("B", 1, 6)], report.LowStock);
        Assert.Equal([new WarehouseStock("w1", 14, 20, 1), new WarehouseStock("w2", 5, 0, 0)], report.ByWarehouse);
        // 28 units shipped in 28 days: 19 units last 19 days.
        Assert.Equal(19, report.DaysOfCover);
        Assert.Equal([new InventoryPeriod("2026-02", 19, 20)], report.TimeSeries);
    }

    [Fact]
    public async Task Hr_has_headcount_turnover_and_attendance()
    {
        await RecordAsync(
            E("headcount", 10, "2026-02-01", ("department", "eng")),
            E("headcount", 5, "2026-02-01", ("department", "ops")),
            E("headcount", 12, "2026-02-28", ("department", "eng")),
            E("headcount", 4, "2026-02-28", ("department", "ops")),
            E("hire", 1, "2026-02-10", ("department", "eng")),
            E("hire", 1, "2026-02-11", ("department", "eng")),
            E("termination", 1, "2026-02-12", ("department", "ops")),
            E("attendance", 1, "2026-02-12", ("department", "eng")),
            E("attendance", 1, "2026-02-12", ("department", "eng")),
            E("attendance", 1, "2026-02-12", ("department", "ops")),
            E("attendance", 0, "2026-02-13", ("department", "ops")));

        var report = await RunAsync(s => s.GetRequiredService<HrKpis>().GetAsync(_acme, February, CancellationToken.None));

        Assert.Equal(16, report.Headcount);
        Assert.Equal(2, report.Hires);
        Assert.Equal(1, report.Terminations);
        // One leaver over an average headcount of (15 + 16) / 2.
        Assert.Equal(15.5, report.AverageHeadcount);
        Assert.Equal(0.0645, report.Turnover);
        Assert.Equal(0.75, report.AttendanceRate);
        Assert.Equal([new DepartmentFigures("eng", 12, 2, 0, 1), new DepartmentFigures("ops", 4, 0, 1, 0.5)], report.ByDepartment);
    }

    [Fact]
    public async Task Support_has_backlog_resolution_response_and_csat()
    {
        await RecordAsync(
            E("ticket_opened", 1, "2026-01-20", ("channel", "email")),
            E("ticket_opened", 1, "2026-02-02", ("channel", "email")),
            E("ticket_opened", 1, "2026-02-03", ("channel", "email")),
            E("ticket_opened", 1, "2026-02-04", ("channel", "chat")),
            E("ticket_opened", 1, "2026-02-05", ("channel", "chat")),
            E("ticket_resolved", 10, "2026-02-06", ("channel", "email")),
            E("ticket_resolved", 20, "2026-02-07", ("channel", "chat")),
            E("first_response_minutes", 5, "2026-02-02", ("channel", "email")),
            E("first_response_minutes", 15, "2026-02-04", ("channel", "chat")),
            E("csat", 4, "2026-02-07", ("channel", "chat")),
            E("csat", 5, "2026-02-08", ("channel", "email")));

        var report = await RunAsync(s => s.GetRequiredService<SupportKpis>().GetAsync(_acme, February, CancellationToken.None));

        Assert.Equal(4, report.Opened);
        Assert.Equal(2, report.Resolved);
        // Five opened since history began (one in January), two resolved.
        Assert.Equal(3, report.Backlog);
        Assert.Equal(15, report.AvgResolutionHours);
        Assert.Equal(10, report.AvgFirstResponseMinutes);
        Assert.Equal(4.5, report.Csat);
        Assert.Equal([new ChannelSupport("chat", 2, 1, 20, 15, 4), new ChannelSupport("email", 2, 1, 10, 5, 5)], report.ByChannel);
    }

    [Fact]
    public async Task Marketing_has_email_rates_spend_and_cost_per_conversion()
    {
        await RecordAsync(
            E("email_sent", 1000, "2026-02-03", ("campaign", "news"), ("channel", "email")),
            E("email_open", 200, "2026-02-03", ("campaign", "news"), ("channel", "email")),
            E("email_click", 50, "2026-02-04", ("campaign", "news"), ("channel", "email")),
            E("conversion", 1, "2026-02-04", ("campaign", "news"), ("channel", "email")),
            E("conversion", 1, "2026-02-05", ("campaign", "news"), ("channel", "email")),
            E("conversion", 1, "2026-02-05", ("campaign", "search"), ("channel", "paid_ads")),
            E("conversion", 1, "2026-02-06", ("campaign", "search"), ("channel", "paid_ads")),
            E("conversion", 1, "2026-02-07", ("campaign", "search"), ("channel", "paid_ads")),
            E("unsubscribe", 1, "2026-02-03", ("campaign", "news"), ("channel", "email")),
            E("marketing_spend", 100, "2026-02-03", ("campaign", "news"), ("channel", "email")),
            E("marketing_spend", 200, "2026-02-04", ("campaign", "search"), ("channel", "paid_ads"), ("currency", "eur")));

        var report = await RunAsync(s => s.GetRequiredService<MarketingKpis>().GetAsync(_acme, February, CancellationToken.None));

        Assert.Equal((1000d, 200d, 50d, 5L, 2L, 1L), (report.Sent, report.Opens, report.Clicks, report.Conversions, report.EmailConversions, report.Unsubscribes));
        Assert.Equal((0.2, 0.05, 0.002, 0.001), (report.OpenRate!.Value, report.ClickRate!.Value, report.ConversionRate!.Value, report.UnsubscribeRate!.Value));
        // 100 usd + 200 eur (400 usd) = 500 for 5 conversions.
        Assert.Equal(500m, report.Spend);
        Assert.Equal(100m, report.CostPerConversion);
        Assert.Equal(
            [new CampaignFigures("search", 400m, 0, 0, 0, 3, 133.33m), new CampaignFigures("news", 100m, 1000, 200, 50, 2, 50m)],
            report.ByCampaign);
    }
}
