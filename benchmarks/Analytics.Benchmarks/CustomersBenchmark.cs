using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Analytics.Core.Customers;
using Analytics.Core.Metrics;
using Analytics.Core.Tenancy;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Benchmarks;

/// <summary>
/// <c>customers</c>: profiles upserted through <see cref="CustomerDirectory"/> and customer events through
/// <see cref="MetricIngestService"/> (so profiles, activity and membership are maintained as in production), then the
/// acceptance figures, timed as server time inside Core: a page of the customer list (sorted, searched, filtered by
/// segment), a profile with its first timeline page, re-evaluating every segment over all profiles, and the nightly
/// re-score. Goals: list and profile + timeline &lt; 100 ms, all segments &lt; 10 s.
/// </summary>
public sealed class CustomersBenchmark(CommandOptions options)
{
    private const string Tenant = "bench";
    private const int BatchSize = 10_000;

    private int Profiles => options.Int("profiles", 100_000);
    private long Events => options.Long("events", 5_000_000);
    private int Reps => options.Int("reps", 30);

    private static readonly (string Name, string Module)[] Kinds =
    [
        ("order_value", "fulfillment"), ("order_value", "fulfillment"), ("subscription_revenue", "sales"), ("refund_amount", "fulfillment"),
        ("ticket_opened", "support"), ("email_click", "campaign"), ("points_earned", "rewards"), ("customer_signup", "sales"),
    ];
    private static readonly string[] Countries = ["US", "GB", "DE", "FR", "CA", "AU", "NL", "ES", "IT", "JP", "BR", "IN"];
    private static readonly string[] Currencies = ["usd", "usd", "eur", "gbp"];

    public async Task<int> RunAsync(TextWriter output, CancellationToken ct)
    {
        var now = new DateTime(DateTime.UtcNow.Ticks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, DateTimeKind.Utc);
        using var scratch = new ScratchFolder();
        var settings = new Dictionary<string, string?> { ["Ingest:MaxEvents"] = BatchSize.ToString(CultureInfo.InvariantCulture) };
        await using var core = await InProcessCore.StartAsync(scratch.File("customers.db"), now, settings, ct);
        var caller = await core.CreateTenantAsync(Tenant, ct);
        var random = new Random(20260101);

        output.WriteLine($"Upserting {Profiles:N0} profiles in batches of 1,000 through CustomerDirectory.UpsertAsync…");
        var watch = Stopwatch.StartNew();
        for (var start = 0; start < Profiles; start += 1000)
        {
            var inputs = Enumerable.Range(start, Math.Min(1000, Profiles - start)).Select(i => new CustomerProfileInput(
                Id(i), $"Company {i:000000}", $"buyer{i}@company{i % 997}.example", Countries[i % Countries.Length],
                new Dictionary<string, string> { ["plan"] = (i % 3) switch { 0 => "free", 1 => "pro", _ => "enterprise" } })).ToList();
            await using var scope = core.Scope(caller);
            await scope.ServiceProvider.GetRequiredService<CustomerDirectory>().UpsertAsync(caller, inputs, ct);
        }
        output.WriteLine($"  {Profiles:N0} profiles in {watch.Elapsed.TotalSeconds:N1} s.");

        output.WriteLine($"Loading {Events:N0} customer events over two years in batches of {BatchSize:N0} through MetricIngestService.RecordAsync…");
        watch.Restart();
        var inside = TimeSpan.Zero;
        var span = TimeSpan.FromDays(729).Ticks;
        for (long produced = 0; produced < Events; produced += BatchSize)
        {
            var batch = new List<MetricEventInput>(BatchSize);
            for (var i = 0; i < BatchSize && produced + i < Events; i++)
            {
                var (name, module) = Kinds[random.Next(Kinds.Length)];
                // A skewed pick: some customers are far more active than others.
                var customer = (int)(Math.Pow(random.NextDouble(), 1.6) * Profiles);
                var at = new DateTimeOffset(now.Ticks - (long)(random.NextDouble() * span), TimeSpan.Zero);
                batch.Add(new MetricEventInput(name, Math.Round(random.NextDouble() * 900 + 5, 2), module,
                    new Dictionary<string, string> { ["currency"] = Currencies[random.Next(Currencies.Length)], ["country"] = Countries[customer % Countries.Length] },
                    at, Id(customer)));
            }
            var started = Stopwatch.GetTimestamp();
            await using (var scope = core.Scope(caller))
                await scope.ServiceProvider.GetRequiredService<MetricIngestService>().RecordAsync(caller, batch, ct);
            inside += Stopwatch.GetElapsedTime(started);
            if ((produced / BatchSize + 1) % 100 == 0)
                output.WriteLine($"  {produced + batch.Count,12:N0} events, {watch.Elapsed.TotalSeconds,6:N0} s wall");
        }
        output.WriteLine($"Load: {Events:N0} events in {inside.TotalSeconds:N1} s inside RecordAsync = {Events / inside.TotalSeconds:N0} events/s; file {scratch.SizeOf("customers.db") / 1024.0 / 1024.0:N0} MiB.");

        await using (var scope = core.Scope(caller))
        {
            var segments = scope.ServiceProvider.GetRequiredService<SegmentDirectory>();
            await segments.CreateAsync(caller, new SegmentInput("big-recent-buyers", "Bought over 1 000 in 90 days",
                JsonDocument.Parse("""{"all":[{"field":"sum(order_value, 90d)","op":"gt","value":1000}]}""").RootElement), ct);
            await segments.CreateAsync(caller, new SegmentInput("pro-in-europe", null,
                JsonDocument.Parse("""{"all":[{"field":"attributes.plan","op":"eq","value":"pro"},{"field":"country","op":"in","value":["DE","FR","GB","NL","ES","IT"]}]}""").RootElement), ct);
            foreach (var s in await segments.ListAsync(caller, ct)) output.WriteLine($"  segment {s.Name}: {s.MemberCount:N0} members");
        }

        var results = new List<(string Name, Timings Timings, double GoalMs)>();
        async Task<Timings> Measure(string name, int reps, double goalMs, Func<IServiceProvider, int, Task> work)
        {
            var timings = new Timings();
            for (var r = -2; r < reps; r++)
            {
                await using var scope = core.Scope(caller);
                var started = Stopwatch.GetTimestamp();
                await work(scope.ServiceProvider, r);
                if (r >= 0) timings.Add(Stopwatch.GetElapsedTime(started));
            }
            output.WriteLine($"{name,-48} p50 {timings.P50,9:N1} ms  p95 {timings.P95,9:N1} ms  (goal < {goalMs:N0} ms) {(timings.P95 < goalMs ? "met" : "NOT MET")}");
            results.Add((name, timings, goalMs));
            return timings;
        }

        await Measure("list: first page by -ltv", Reps, 100, (s, _) => s.GetRequiredService<CustomerDirectory>().ListAsync(caller, new CustomerListQuery(Sort: "-ltv"), ct));
        await Measure("list: page 3 by -last_seen (cursor)", Reps, 100, async (s, _) =>
        {
            var directory = s.GetRequiredService<CustomerDirectory>();
            var query = new CustomerListQuery(Sort: "-last_seen");
            for (var page = 0; page < 3; page++) query = query with { Cursor = (await directory.ListAsync(caller, query, ct)).NextCursor };
        });
        await Measure("list: search 'company 0421'", Reps, 100, (s, _) => s.GetRequiredService<CustomerDirectory>().ListAsync(caller, new CustomerListQuery(Search: "Company 0421"), ct));
        await Measure("list: segment high-value by -ltv", Reps, 100, (s, _) => s.GetRequiredService<CustomerDirectory>().ListAsync(caller, new CustomerListQuery(Segment: BuiltInSegments.HighValue, Sort: "-ltv"), ct));
        await Measure("profile + first timeline page (random)", Reps, 100, async (s, r) =>
        {
            var directory = s.GetRequiredService<CustomerDirectory>();
            var id = Id((int)(Math.Pow(new Random(r + 7).NextDouble(), 1.6) * Profiles));
            var detail = await directory.DetailAsync(caller, id, ct);
            await directory.TimelineAsync(caller, detail.Profile.Id.ToString(CultureInfo.InvariantCulture), null, null, 50, ct);
        });
        await Measure("re-evaluate all segments, all profiles", Math.Max(3, Reps / 10), 10_000, (s, _) => s.GetRequiredService<SegmentDirectory>().ReevaluateAllAsync(caller.TenantId, ct));
        await Measure("nightly re-score of all profiles", 3, 10_000, (s, _) => s.GetRequiredService<CustomerMaintenance>().RescoreAsync(caller.TenantId, ct));

        var missed = results.Where(r => r.Timings.P95 >= r.GoalMs).Select(r => r.Name).ToList();
        output.WriteLine(missed.Count == 0 ? "All goals met." : $"Goals not met: {string.Join("; ", missed)}.");
        return 0;
    }

    private static string Id(int i) => $"cus_{i:0000000}";
}
