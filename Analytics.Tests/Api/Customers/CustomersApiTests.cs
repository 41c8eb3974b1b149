using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Analytics.Core.Tenancy;
using Analytics.Tests.Infrastructure;

namespace Analytics.Tests.Api.Customers;

public sealed class CustomersApiTests(AnalyticsAppFactory app) : IClassFixture<AnalyticsAppFactory>
{
    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private async Task<(HttpClient Client, string Slug)> TenantAsync(string slug, string role = Roles.Admin, ApiKeyScope scope = ApiKeyScope.Write)
    {
        var (_, key) = await app.CreateTenantAsync(slug, scope, role);
        return (app.CreateClient(key), slug);
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static string Events(params (string Customer, string Name, string Module, double Value)[] events) =>
        JsonSerializer.Serialize(events.Select(e => new Dictionary<string, object>
        {
            ["name"] = e.Name, ["value"] = e.Value, ["module"] = e.Module, ["customer_id"] = e.Customer,
            ["dimensions"] = new Dictionary<string, string> { ["currency"] = "usd", ["country"] = "DE" },
        }));

    [Fact]
    public async Task Upsert_is_idempotent_and_the_profile_reads_back_with_every_wire_field()
    {
        var (client, slug) = await TenantAsync("upsert");
        const string body = """{"external_id":"cus_1","name":"Ada Ltd","email":"ada@example.com","country":"gb","attributes":{"plan":"pro"}}""";

        var first = await ReadAsync(await client.PostAsync($"/api/{slug}/customers", Json(body)));
        var second = await ReadAsync(await client.PostAsync($"/api/{slug}/customers", Json(body)));
        Assert.Equal(first.GetProperty("id").GetInt64(), second.GetProperty("id").GetInt64());

        await ReadAsync(await client.PostAsync($"/api/{slug}/metrics", Json(Events(("cus_1", "order_value", "fulfillment", 120.5), ("cus_1", "ticket_opened", "support", 1)))), HttpStatusCode.Created);
        var profile = await ReadAsync(await client.GetAsync($"/api/{slug}/customers/{first.GetProperty("id").GetInt64()}"));
        foreach (var field in new[] { "id", "external_id", "name", "email", "country", "attributes", "first_seen", "last_seen", "ltv", "order_count", "engagement_score", "segments" })
            Assert.True(profile.TryGetProperty(field, out _), field);
        Assert.Equal("GB", profile.GetProperty("country").GetString());
        Assert.Equal(120.5m, profile.GetProperty("ltv").GetDecimal());
        Assert.Equal(1, profile.GetProperty("order_count").GetInt32());
        Assert.Equal("pro", profile.GetProperty("attributes").GetProperty("plan").GetString());
        Assert.Contains("new", profile.GetProperty("segments").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(12, profile.GetProperty("revenue_by_month").GetArrayLength());

        var count = await ReadAsync(await client.GetAsync($"/api/{slug}/customers"));
        Assert.Equal(1, count.GetProperty("total").GetInt64());
        var byExternal = await ReadAsync(await client.GetAsync($"/api/{slug}/customers/cus_1"));
        Assert.Equal(first.GetProperty("id").GetInt64(), byExternal.GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task Invalid_profiles_and_queries_are_400_with_field_errors()
    {
        var (client, slug) = await TenantAsync("invalid");

        var bad = await ReadAsync(await client.PostAsync($"/api/{slug}/customers", Json("""[{"external_id":"ok"},{"external_id":"","email":"nope","colour":"red"}]""")), HttpStatusCode.BadRequest);
        Assert.True(bad.GetProperty("errors").TryGetProperty("[1].colour", out _));
        var fields = await ReadAsync(await client.PostAsync($"/api/{slug}/customers", Json("""[{"external_id":"ok"},{"external_id":"","email":"nope"}]""")), HttpStatusCode.BadRequest);
        Assert.True(fields.GetProperty("errors").TryGetProperty("[1].external_id", out _));
        Assert.True(fields.GetProperty("errors").TryGetProperty("[1].email", out _));
        Assert.Equal(0, (await ReadAsync(await client.GetAsync($"/api/{slug}/customers"))).GetProperty("total").GetInt64());

        var sort = await ReadAsync(await client.GetAsync($"/api/{slug}/customers?sort=shoe_size"), HttpStatusCode.BadRequest);
        Assert.True(sort.GetProperty("errors").TryGetProperty("sort", out _));
        var cursor = await ReadAsync(await client.GetAsync($"/api/{slug}/customers?cursor=garbage"), HttpStatusCode.BadRequest);
        Assert.True(cursor.GetProperty("errors").TryGetProperty("cursor", out _));
        var limit = await ReadAsync(await client.GetAsync($"/api/{slug}/customers?limit=5000"), HttpStatusCode.BadRequest);
        Assert.True(limit.GetProperty("errors").TryGetProperty("limit", out _));
        var rules = await ReadAsync(await client.PostAsync($"/api/{slug}/segments", Json("""{"name":"x","rules":{"all":[{"field":"ltv","op":"near","value":1}]}}""")), HttpStatusCode.BadRequest);
        Assert.Contains("'near' does not apply to ltv", rules.GetProperty("errors").GetProperty("rules.all[0].op")[0].GetString());

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/{slug}/customers/999999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/{slug}/customers/999999/timeline")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/{slug}/segments/999999/members")).StatusCode);
    }

    [Fact]
    public async Task Another_tenants_customer_and_segment_are_404()
    {
        var (mine, mySlug) = await TenantAsync("mine");
        var (theirs, theirSlug) = await TenantAsync("theirs");
        var profile = await ReadAsync(await mine.PostAsync($"/api/{mySlug}/customers", Json("""{"external_id":"secret","name":"Mine"}""")));
        var segment = await ReadAsync(await mine.PostAsync($"/api/{mySlug}/segments", Json("""{"name":"vip","rules":{"all":[{"field":"ltv","op":"gt","value":1}]}}""")), HttpStatusCode.Created);
        var id = profile.GetProperty("id").GetInt64();

        Assert.Equal(HttpStatusCode.NotFound, (await theirs.GetAsync($"/api/{theirSlug}/customers/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await theirs.GetAsync($"/api/{theirSlug}/customers/secret")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await theirs.GetAsync($"/api/{theirSlug}/customers/{id}/timeline")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await theirs.GetAsync($"/api/{theirSlug}/segments/{segment.GetProperty("id").GetInt64()}/members")).StatusCode);
        // Their key on my path is not mine either.
        Assert.Equal(HttpStatusCode.NotFound, (await theirs.GetAsync($"/api/{mySlug}/customers/{id}")).StatusCode);
        Assert.Equal(0, (await ReadAsync(await theirs.GetAsync($"/api/{theirSlug}/customers"))).GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Paging_has_no_duplicates_or_gaps_while_new_events_arrive()
    {
        var (client, slug) = await TenantAsync("paging");
        await ReadAsync(await client.PostAsync($"/api/{slug}/metrics",
            Json(Events(Enumerable.Range(1, 45).Select(i => ($"p{i:000}", "order_value", "fulfillment", (double)i)).ToArray()))), HttpStatusCode.Created);

        foreach (var sort in new[] { "id", "-id", "name" })
        {
            var seen = new List<string>();
            string? cursor = null;
            var round = 0;
            do
            {
                var page = await ReadAsync(await client.GetAsync($"/api/{slug}/customers?limit=7&sort={sort}" + (cursor is null ? "" : $"&cursor={cursor}")));
                seen.AddRange(page.GetProperty("data").EnumerateArray().Select(c => c.GetProperty("external_id").GetString()!));
                cursor = page.GetProperty("next_cursor").GetString();
                // Between pages, existing customers buy again and new ones arrive.
                round++;
                await ReadAsync(await client.PostAsync($"/api/{slug}/metrics",
                    Json(Events(($"p{round:000}", "order_value", "fulfillment", 5), ($"{sort}-late{round}", "ticket_opened", "support", 1)))), HttpStatusCode.Created);
            }
            while (cursor is not null);

            var original = Enumerable.Range(1, 45).Select(i => $"p{i:000}").ToList();
            Assert.Equal(seen.Count, seen.Distinct().Count());
            Assert.Empty(original.Except(seen));
        }
    }

    [Fact]
    public async Task The_list_searches_filters_and_sorts()
    {
        var (client, slug) = await TenantAsync("filters");
        await ReadAsync(await client.PostAsync($"/api/{slug}/customers", Json("""
            [{"external_id":"a","name":"Alpha Works","email":"buy@alpha.example","country":"DE"},
             {"external_id":"b","name":"Beta Foods","email":"hello@beta.example","country":"FR"},
             {"external_id":"c","name":"Gamma Alpha","email":"c@gamma.example","country":"DE"}]
            """)));
        await ReadAsync(await client.PostAsync($"/api/{slug}/metrics", Json(Events(("a", "order_value", "fulfillment", 500), ("b", "order_value", "fulfillment", 60_000), ("c", "order_value", "fulfillment", 50)))), HttpStatusCode.Created);

        async Task<string[]> Ids(string query) =>
            (await ReadAsync(await client.GetAsync($"/api/{slug}/customers?{query}"))).GetProperty("data").EnumerateArray().Select(c => c.GetProperty("external_id").GetString()!).ToArray();

        Assert.Equal(["a", "c"], await Ids("q=alpha&sort=name"));
        Assert.Equal(["b"], await Ids("q=hello@beta"));
        Assert.Equal(["a", "c"], await Ids("q=al&sort=name"));
        Assert.Equal(["c"], await Ids("q=c"));

        // A renamed customer is found by the new name only: the search index follows every change.
        await ReadAsync(await client.PostAsync($"/api/{slug}/customers", Json("""{"external_id":"b","name":"Delta Drinks","email":"hello@delta.example"}""")));
        Assert.Equal(["b"], await Ids("q=delta drinks"));
        Assert.Empty(await Ids("q=beta foods"));
        Assert.Equal(["c", "a"], await Ids("country=de&sort=ltv"));
        Assert.Equal(["b", "a", "c"], await Ids("sort=-ltv"));
        Assert.Equal(["a"], await Ids("min_ltv=100&max_ltv=1000"));
        Assert.Equal(["b"], await Ids("segment=high-value"));
    }

    [Fact]
    public async Task The_timeline_pages_newest_first_across_modules_and_filters_by_module()
    {
        var (client, slug) = await TenantAsync("timeline");
        var start = SuiteClock.Now.AddDays(-20);
        var events = Enumerable.Range(0, 25).Select(i => new Dictionary<string, object>
        {
            ["name"] = i % 3 == 0 ? "ticket_opened" : "order_value", ["value"] = i, ["module"] = i % 3 == 0 ? "support" : "fulfillment",
            ["customer_id"] = "t1", ["timestamp"] = start.AddHours(i).ToString("O"),
        });
        await ReadAsync(await client.PostAsync($"/api/{slug}/metrics", Json(JsonSerializer.Serialize(events))), HttpStatusCode.Created);

        var values = new List<double>();
        string? cursor = null;
        do
        {
            var page = await ReadAsync(await client.GetAsync($"/api/{slug}/customers/t1/timeline?limit=10" + (cursor is null ? "" : $"&cursor={cursor}")));
            values.AddRange(page.GetProperty("data").EnumerateArray().Select(e => e.GetProperty("value").GetDouble()));
            cursor = page.GetProperty("next_cursor").GetString();
        }
        while (cursor is not null);
        Assert.Equal(Enumerable.Range(0, 25).Reverse().Select(i => (double)i), values);

        var support = await ReadAsync(await client.GetAsync($"/api/{slug}/customers/t1/timeline?module=support&limit=100"));
        Assert.All(support.GetProperty("data").EnumerateArray(), e => Assert.Equal("support", e.GetProperty("module").GetString()));
        Assert.Equal(9, support.GetProperty("data").GetArrayLength());
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"/api/{slug}/customers/t1/timeline?module=kitchen")).StatusCode);
    }

    [Fact]
    public async Task Segments_list_create_preview_members_csv_and_revenue_of_a_segment()
    {
        var (client, slug) = await TenantAsync("segments");
        await ReadAsync(await client.PostAsync($"/api/{slug}/metrics", Json(Events(("big", "order_value", "fulfillment", 65_000), ("small", "order_value", "fulfillment", 10), ("mid", "order_value", "fulfillment", 800)))), HttpStatusCode.Created);

        var list = await ReadAsync(await client.GetAsync($"/api/{slug}/segments"));
        var names = list.GetProperty("data").EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!, s => s.GetProperty("member_count").GetInt64());
        Assert.Equal(1, names["high-value"]);
        Assert.Equal(3, names["new"]);

        const string rules = """{"all":[{"field":"ltv","op":"gte","value":500}]}""";
        var preview = await ReadAsync(await client.PostAsync($"/api/{slug}/segments/preview", Json($$"""{"rules":{{rules}}}""")));
        Assert.Equal(2, preview.GetProperty("member_count").GetInt64());
        var created = await ReadAsync(await client.PostAsync($"/api/{slug}/segments", Json($$"""{"name":"over-500","description":"Spent 500 or more","rules":{{rules}}}""")), HttpStatusCode.Created);
        Assert.Equal(2, created.GetProperty("member_count").GetInt64());
        Assert.Equal("ltv", created.GetProperty("rules").GetProperty("all")[0].GetProperty("field").GetString());
        Assert.False(created.GetProperty("built_in").GetBoolean());

        var members = await ReadAsync(await client.GetAsync($"/api/{slug}/segments/over-500/members?sort=-ltv"));
        Assert.Equal(["big", "mid"], members.GetProperty("data").EnumerateArray().Select(m => m.GetProperty("external_id").GetString()));

        var csv = await client.GetAsync($"/api/{slug}/segments/{created.GetProperty("id").GetInt64()}/members?format=csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("id,external_id,name,email,country,ltv", lines[0]);
        Assert.Equal(3, lines.Length);

        var revenue = await ReadAsync(await client.GetAsync($"/api/{slug}/metrics?name=order_value&group_by=month&segment=high-value"));
        Assert.Equal(65_000, revenue.GetProperty("summary").GetProperty("total").GetDouble());

        var reader = await TenantAsync("segments", Roles.Operator);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.Client.PostAsync($"/api/{slug}/segments", Json($$"""{"name":"nope","rules":{{rules}}}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.DeleteAsync($"/api/{slug}/segments/high-value")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/{slug}/segments/over-500")).StatusCode);
    }
}
