using System.Text.Json;
using Analytics.Core.Customers;
using Analytics.Core.Errors;
using Analytics.Core.Metrics;
using Analytics.Core.Tenancy;
using Analytics.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Tests.Core.Customers;

public sealed class SegmentDirectoryTests : IAsyncLifetime
{
    private readonly CoreHost _host = new();
    private Caller _acme = null!;
    private DateTimeOffset Now => _host.Clock.GetUtcNow();

    public async ValueTask InitializeAsync() => _acme = await _host.CreateTenantAsync("acme");

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private Task<T> Segments<T>(Caller caller, Func<SegmentDirectory, Task<T>> work) =>
        _host.RunAsync(caller, s => work(s.GetRequiredService<SegmentDirectory>()));

    private Task Record(params MetricEventInput[] events) =>
        _host.RunAsync(_acme, s => s.GetRequiredService<MetricIngestService>().RecordAsync(_acme, events, CancellationToken.None));

    private MetricEventInput Order(string customer, double amount, int daysAgo, string country = "US") =>
        new("order_value", amount, "fulfillment", new Dictionary<string, string> { ["currency"] = "usd", ["country"] = country }, Now.AddDays(-daysAgo), customer);

    private MetricEventInput Ticket(string customer, int daysAgo) => new("ticket_opened", 1, "support", null, Now.AddDays(-daysAgo), customer);

    private async Task<string[]> MembersAsync(string segment)
    {
        var page = await Segments(_acme, d => d.MembersAsync(_acme, segment, new CustomerListQuery(Limit: 200), CancellationToken.None));
        Assert.Equal(page.Total, page.Items.Count);
        return page.Items.Select(c => c.ExternalId).Order(StringComparer.Ordinal).ToArray();
    }

    private static JsonElement Rules(string json) => JsonDocument.Parse(json).RootElement.Clone();

    [Fact]
    public async Task Each_built_in_segment_selects_its_crafted_customers()
    {
        await Record(
            // high-value: 55 000 over two orders, seen today.
            Order("whale", 30_000, 40), Order("whale", 25_000, 0),
            // at-risk: three orders, the last 45 days ago.
            Order("fading", 100, 80), Order("fading", 100, 60), Order("fading", 100, 45),
            // new: first seen 10 days ago.
            Order("newcomer", 50, 10),
            // dormant: last seen 120 days ago.
            Order("sleeper", 300, 200), Ticket("sleeper", 120),
            // none of them: regular and recent, modest value.
            Order("steady", 100, 300), Order("steady", 100, 5));

        Assert.Equal(["whale"], await MembersAsync(BuiltInSegments.HighValue));
        Assert.Equal(["fading"], await MembersAsync(BuiltInSegments.AtRisk));
        Assert.Equal(["newcomer"], await MembersAsync(BuiltInSegments.New));
        Assert.Equal(["sleeper"], await MembersAsync(BuiltInSegments.Dormant));

        var listed = await Segments(_acme, d => d.ListAsync(_acme, CancellationToken.None));
        Assert.Equal([BuiltInSegments.AtRisk, BuiltInSegments.Dormant, BuiltInSegments.HighValue, BuiltInSegments.New], listed.Select(s => s.Name));
        Assert.All(listed, s => Assert.Equal(1, s.MemberCount));
        Assert.All(listed, s => Assert.True(s.BuiltIn));
    }

    [Fact]
    public async Task Membership_follows_each_new_event_and_the_nightly_pass()
    {
        await Record(Order("sleeper", 300, 120));
        Assert.Equal(["sleeper"], await MembersAsync(BuiltInSegments.Dormant));

        // An order today wakes the customer up at once: no nightly pass needed.
        await Record(Order("sleeper", 10, 0));
        Assert.Empty(await MembersAsync(BuiltInSegments.Dormant));

        // 91 quiet days later the nightly pass puts the customer back.
        _host.Clock.Advance(TimeSpan.FromDays(91));
        await _host.RunAsync(_acme, async s => { await s.GetRequiredService<CustomerMaintenance>().RunAsync(CancellationToken.None); return 0; });
        Assert.Equal(["sleeper"], await MembersAsync(BuiltInSegments.Dormant));
    }

    [Fact]
    public async Task A_profile_upsert_re_evaluates_its_segments()
    {
        await Segments(_acme, d => d.CreateAsync(_acme, new SegmentInput("germany", "Customers in Germany", Rules("""{"all":[{"field":"country","op":"eq","value":"DE"}]}""")), CancellationToken.None));
        await Record(Order("moving", 10, 1, country: "FR"));
        Assert.Empty(await MembersAsync("germany"));

        await _host.RunAsync(_acme, s => s.GetRequiredService<CustomerDirectory>().UpsertAsync(_acme, [new CustomerProfileInput("moving", Country: "DE")], CancellationToken.None));

        Assert.Equal(["moving"], await MembersAsync("germany"));
    }

    [Fact]
    public async Task A_customer_whose_activity_holds_a_value_out_of_range_has_no_aggregate_and_it_adds_nothing_to_lifetime_value()
    {
        await Record(Order("huge", 100, 3), Order("huge", 5, 2), Order("huge", 5, 1), Order("fine", 2_000, 1));
        // What two events of 1.7e308 left in customer activity before ingest refused such values; not settled yet.
        await using (var connection = await TestDatabase.ConnectAsync(_host.ConnectionString))
        {
            await using var plant = connection.CreateCommand();
            plant.CommandText = "UPDATE CustomerActivity SET Value = @huge WHERE TenantId = @tenant AND Value = 5";
            foreach (var (name, value) in new (string, object)[] { ("@huge", StoredOverflow.Huge), ("@tenant", _acme.TenantId) })
            {
                var p = plant.CreateParameter();
                p.ParameterName = name;
                p.Value = value;
                plant.Parameters.Add(p);
            }
            Assert.Equal(2, await plant.ExecuteNonQueryAsync());
        }

        // Settling goes on without the value: it is not counted, as an amount in a currency without a rate is not.
        var profile = await _host.RunAsync(_acme, s => s.GetRequiredService<CustomerDirectory>().GetAsync(_acme, "huge", CancellationToken.None));
        Assert.Equal((100m, 3), (profile.Ltv, profile.OrderCount));

        // An aggregate over them has no figure (neither +∞ on SQLite nor "value out of range: overflow" on PostgreSQL): the
        // customer does not match, and the others are evaluated as ever.
        foreach (var agg in new[] { "sum", "avg", "max" })
        {
            var rules = Rules($$"""{"all":[{"field":"{{agg}}(order_value, 30d)","op":"gte","value":50}]}""");
            await Segments(_acme, d => d.CreateAsync(_acme, new SegmentInput($"big-{agg}", null, rules), CancellationToken.None));
            Assert.Equal(1, await Segments(_acme, d => d.PreviewAsync(_acme, rules, CancellationToken.None)));
            Assert.Equal(["fine"], await MembersAsync($"big-{agg}"));
        }
        var counted = Rules("""{"all":[{"field":"count(order_value, 30d)","op":"gte","value":3}]}""");
        Assert.Equal(1, await Segments(_acme, d => d.PreviewAsync(_acme, counted, CancellationToken.None)));
    }

    [Fact]
    public async Task Conditions_on_metric_aggregates_attributes_and_nested_groups_evaluate_on_fixed_profiles()
    {
        await Record(Order("a", 600, 10), Order("a", 600, 100), Order("b", 1_500, 5), Order("c", 200, 1), Ticket("c", 1), Ticket("c", 2));
        await _host.RunAsync(_acme, s => s.GetRequiredService<CustomerDirectory>().UpsertAsync(_acme,
            [new CustomerProfileInput("a", Attributes: new Dictionary<string, string> { ["plan"] = "pro", ["seats"] = "25" }),
             new CustomerProfileInput("c", Attributes: new Dictionary<string, string> { ["plan"] = "free", ["seats"] = "2" })], CancellationToken.None));

        async Task<string[]> Select(string rules)
        {
            var name = $"s{Guid.NewGuid():N}"[..12];
            await Segments(_acme, d => d.CreateAsync(_acme, new SegmentInput(name, null, Rules(rules)), CancellationToken.None));
            var preview = await Segments(_acme, d => d.PreviewAsync(_acme, Rules(rules), CancellationToken.None));
            var members = await MembersAsync(name);
            Assert.Equal(members.Length, preview);
            return members;
        }

        Assert.Equal(["b"], await Select("""{"all":[{"field":"sum(order_value, 90d)","op":"gt","value":1000}]}"""));
        Assert.Equal(["a", "b"], await Select("""{"all":[{"field":"ltv","op":"gte","value":1200}]}"""));
        Assert.Equal(["c"], await Select("""{"all":[{"field":"count(ticket_opened, 30d)","op":"gte","value":2}]}"""));
        Assert.Equal(["a"], await Select("""{"all":[{"field":"attributes.plan","op":"eq","value":"pro"}]}"""));
        Assert.Equal(["a"], await Select("""{"all":[{"field":"attributes.seats","op":"gt","value":10}]}"""));
        Assert.Equal(["b", "c"], await Select("""{"all":[{"field":"attributes.plan","op":"neq","value":"pro"}]}"""));
        Assert.Equal(["a", "c"], await Select("""{"any":[{"field":"attributes.plan","op":"in","value":["pro","free"]},{"all":[{"field":"ltv","op":"lt","value":0}]}]}"""));
        Assert.Equal(["b", "c"], await Select("""{"any":[{"field":"last_seen","op":"within","value":"7d"},{"all":[{"field":"order_count","op":"eq","value":5}]}]}"""));
    }

    [Fact]
    public async Task Only_admins_and_analysts_change_segments_and_built_ins_stay()
    {
        var manager = _acme with { Roles = new HashSet<string> { Roles.Manager } };
        var input = new SegmentInput("vip", null, Rules("""{"all":[{"field":"ltv","op":"gt","value":5}]}"""));
        await Assert.ThrowsAsync<ForbiddenException>(() => Segments(manager, d => d.CreateAsync(manager, input, CancellationToken.None)));

        var analyst = _acme with { Roles = new HashSet<string> { Roles.Analyst } };
        var created = await Segments(analyst, d => d.CreateAsync(analyst, input, CancellationToken.None));
        Assert.Equal("vip", created.Name);
        await Assert.ThrowsAsync<InvalidInputException>(() => Segments(analyst, d => d.CreateAsync(analyst, input, CancellationToken.None)));

        var edited = await Segments(_acme, d => d.UpdateAsync(_acme, BuiltInSegments.HighValue, new SegmentInput(Rules: Rules("""{"all":[{"field":"ltv","op":"gte","value":50000}]}""")), CancellationToken.None));
        Assert.Contains("50000", edited.Rules);
        await Assert.ThrowsAsync<ForbiddenException>(() => Segments(_acme, async d => { await d.DeleteAsync(_acme, BuiltInSegments.HighValue, CancellationToken.None); return 0; }));
        var rename = await Assert.ThrowsAsync<InvalidInputException>(() => Segments(_acme, d => d.UpdateAsync(_acme, BuiltInSegments.New, new SegmentInput("fresh"), CancellationToken.None)));
        Assert.Contains("name", rename.Errors.Keys);
    }

    [Fact]
    public async Task Another_tenants_segment_is_not_found()
    {
        var other = await _host.CreateTenantAsync("other");
        var mine = await Segments(_acme, d => d.CreateAsync(_acme, new SegmentInput("mine", null, Rules("""{"all":[{"field":"ltv","op":"gt","value":5}]}""")), CancellationToken.None));

        await Assert.ThrowsAsync<NotFoundException>(() => Segments(other, d => d.GetAsync(other, mine.Id.ToString(), CancellationToken.None)));
        await Assert.ThrowsAsync<NotFoundException>(() => Segments(other, async d => { await d.DeleteAsync(other, mine.Id.ToString(), CancellationToken.None); return 0; }));
    }

    [Fact]
    public async Task Invalid_segments_name_their_fields_and_save_nothing()
    {
        var e = await Assert.ThrowsAsync<InvalidInputException>(() => Segments(_acme, d => d.CreateAsync(_acme,
            new SegmentInput("", null, Rules("""{"all":[{"field":"ltv","op":"gt","value":"x"}]}""")), CancellationToken.None)));

        Assert.Equal(["name", "rules.all[0].value"], e.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(4, (await Segments(_acme, d => d.ListAsync(_acme, CancellationToken.None))).Count);
    }

    [Fact]
    public async Task A_metric_query_narrowed_to_a_segment_counts_only_its_members_events()
    {
        await Record(Order("whale", 30_000, 3), Order("whale", 25_000, 2), Order("small", 40, 2), Order("small", 60, 1),
            new MetricEventInput("order_value", 999, "fulfillment", null, Now.AddDays(-1)));
        var (caller, metrics) = (_acme, (Func<IServiceProvider, MetricQueryService>)(s => s.GetRequiredService<MetricQueryService>()));
        var query = new MetricQuery("order_value", Now.UtcDateTime.Date.AddDays(-10), Now.UtcDateTime.Date.AddDays(1), Filters: new Dictionary<string, string> { ["segment"] = BuiltInSegments.HighValue });

        var narrowed = await _host.RunAsync(caller, s => metrics(s).QueryAsync(caller, query, CancellationToken.None));
        var all = await _host.RunAsync(caller, s => metrics(s).QueryAsync(caller, query with { Filters = null }, CancellationToken.None));

        Assert.Equal(MetricTier.Customers, narrowed.Tier);
        Assert.Equal(55_000, narrowed.Summary.Total);
        Assert.Equal(2, narrowed.Summary.Count);
        Assert.Equal(56_099, all.Summary.Total);

        var unknown = await Assert.ThrowsAsync<NotFoundException>(() => _host.RunAsync(caller, s => metrics(s).QueryAsync(caller, query with { Filters = null, Segment = "nope" }, CancellationToken.None)));
        Assert.Contains("nope", unknown.Message);
        var old = await Assert.ThrowsAsync<UnprocessableException>(() => _host.RunAsync(caller, s => metrics(s).QueryAsync(caller, query with { FromUtc = query.FromUtc.AddDays(-800), GroupBy = MetricGrouping.Month }, CancellationToken.None)));
        Assert.Contains("customer activity, which is kept for 730 days", old.Message);
    }

    [Fact]
    public async Task A_report_with_a_segment_counts_only_its_members_events()
    {
        await Record(Order("whale", 30_000, 3), Order("whale", 25_000, 2), Order("small", 40, 2));
        var spec = new Analytics.Core.Reports.ReportSpec("Whales", Analytics.Core.Reports.ReportFormat.Json, ["order_value"], [],
            Now.UtcDateTime.Date.AddDays(-10), Now.UtcDateTime.Date.AddDays(1), "last 10 days", MetricGrouping.Day,
            new Dictionary<string, string>(), Segment: BuiltInSegments.HighValue);

        var content = await _host.RunAsync(_acme, s => s.GetRequiredService<Analytics.Core.Reports.ReportContentBuilder>().BuildAsync(_acme, spec, CancellationToken.None));

        var metric = Assert.Single(content.Metrics);
        Assert.Equal(55_000, metric.Value);
        Assert.Equal(MetricTier.Customers, metric.Series.Tier);
    }
}
