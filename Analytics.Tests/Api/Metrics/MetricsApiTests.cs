using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Analytics.Core.Tenancy;
using Analytics.Tests.Infrastructure;

namespace Analytics.Tests.Api.Metrics;

public sealed class MetricsApiTests(MetricsApiTests.App app) : IClassFixture<MetricsApiTests.App>
{
    public sealed class App : AnalyticsAppFactory
    {
        protected override IDictionary<string, string> Settings => new Dictionary<string, string>
        {
            ["Seed:Demo:Enabled"] = "false",
            ["Ingest:MaxEvents"] = "1000",
            ["Ingest:MaxBytes"] = "262144",
        };
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static string Day(int daysAgo) => SuiteClock.Today.AddDays(-daysAgo).ToString("yyyy-MM-dd");

    [Fact]
    public async Task A_batch_is_recorded_and_the_query_returns_it_in_the_seed_shape()
    {
        var (_, key) = await app.CreateTenantAsync("batch");
        var client = app.CreateClient(key);
        var events = Enumerable.Range(0, 1000).Select(i => new
        {
            name = "order_value",
            value = 2.5,
            module = "fulfillment",
            dimensions = new Dictionary<string, string> { ["region"] = i % 2 == 0 ? "us-west" : "eu" },
            // Midnight: in the past at any hour the suite runs.
            timestamp = SuiteClock.Today.AddDays(-(i % 3)),
        });

        var post = await client.PostAsJsonAsync("/api/batch/metrics", events);
        Assert.Equal(HttpStatusCode.Created, post.StatusCode);
        Assert.Equal(1000, (await post.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("recorded").GetInt32());
        Assert.Matches(@"^read;dur=\d+\.\d, record;dur=\d+\.\d$", Assert.Single(post.Headers.GetValues("Server-Timing")));

        var get = await client.GetAsync($"/api/batch/metrics?name=order_value&from={Day(2)}&to={Day(0)}&group_by=day");
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal("daily", get.Headers.GetValues("X-Analytics-Tier").Single());
        var body = await get.Content.ReadFromJsonAsync<JsonElement>();
        var data = body.GetProperty("data").EnumerateArray().ToList();
        Assert.Equal([Day(2), Day(1), Day(0)], data.Select(d => d.GetProperty("date").GetString()));
        Assert.Equal(1000, data.Sum(d => d.GetProperty("count").GetInt32()));
        var summary = body.GetProperty("summary");
        Assert.Equal(2500, summary.GetProperty("total").GetDouble());
        Assert.Equal(1000, summary.GetProperty("count").GetInt32());
        Assert.Equal(2.5, summary.GetProperty("average").GetDouble());
    }

    [Fact]
    public async Task One_event_object_is_accepted_as_in_the_seed()
    {
        var (_, key) = await app.CreateTenantAsync("single");
        var response = await app.CreateClient(key).PostAsync("/api/single/metrics", Json("""
            { "name": "order_value", "value": 249.99, "module": "fulfillment",
              "dimensions": { "region": "us-west", "product_category": "accessories" } }
            """));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task A_batch_with_one_invalid_event_writes_nothing_and_names_the_index()
    {
        var (_, key) = await app.CreateTenantAsync("atomic");
        var client = app.CreateClient(key);

        var response = await client.PostAsync("/api/atomic/metrics", Json("""
            [ { "name": "order_value", "value": 1, "module": "fulfillment" },
              { "name": "order_value", "value": 1, "module": "nowhere" } ]
            """));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ProblemAsync(response);
        Assert.True(problem.GetProperty("errors").TryGetProperty("[1].module", out _));
        var get = await client.GetFromJsonAsync<JsonElement>($"/api/atomic/metrics?name=order_value&from={Day(1)}&to={Day(0)}");
        Assert.Equal(0, get.GetProperty("summary").GetProperty("count").GetInt32());
    }

    [Theory]
    [InlineData("{ not json", "")]
    [InlineData("""{ "name": "order_value", "value": "many", "module": "fulfillment" }""", "value")]
    [InlineData("""{ "name": "order_value", "value": 1, "module": "fulfillment", "colour": "red" }""", "")]
    [InlineData("42", "body")]
    public async Task Malformed_bodies_are_bad_requests(string body, string field)
    {
        var (_, key) = await app.CreateTenantAsync("malformed");
        var response = await app.CreateClient(key).PostAsync("/api/malformed/metrics", Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ProblemAsync(response);
        if (field.Length > 0) Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Theory]
    [InlineData("name=order_value&from=2026-02-30&to=2026-03-01", HttpStatusCode.BadRequest)]
    [InlineData("name=order_value&from=2026-03-01&to=2026-03-31&group_by=fortnight", HttpStatusCode.BadRequest)]
    [InlineData("name=order_value&from=2026-03-01&to=2026-03-31&groupBy=decade", HttpStatusCode.BadRequest)]
    [InlineData("name=order_value&from=2026-03-31&to=2026-03-01", HttpStatusCode.UnprocessableEntity)]
    public async Task Bad_queries_get_problem_details(string query, HttpStatusCode status)
    {
        var (_, key) = await app.CreateTenantAsync("queries");
        var response = await app.CreateClient(key).GetAsync($"/api/queries/metrics?{query}");

        Assert.Equal(status, response.StatusCode);
        var problem = await ProblemAsync(response);
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task GroupBy_in_camel_case_is_accepted_too()
    {
        var (_, key) = await app.CreateTenantAsync("camel");
        var body = await app.CreateClient(key).GetFromJsonAsync<JsonElement>("/api/camel/metrics?name=order_value&from=2026-01-01&to=2026-03-31&groupBy=month");
        Assert.Equal(3, body.GetProperty("data").GetArrayLength());
    }

    [Fact]
    public async Task No_key_or_a_wrong_key_is_unauthorized()
    {
        await app.CreateTenantAsync("auth");
        var anonymous = await app.CreateClient().GetAsync("/api/auth/metrics?name=order_value");
        var wrong = await app.CreateClient("ak_0000000000000000000000000000000000").PostAsync("/api/auth/metrics", Json("{}"));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        await ProblemAsync(wrong);
    }

    [Fact]
    public async Task Another_tenants_path_is_not_found_and_nothing_is_written()
    {
        var (_, key) = await app.CreateTenantAsync("mine");
        var (_, victimKey) = await app.CreateTenantAsync("victim");

        var post = await app.CreateClient(key).PostAsync("/api/victim/metrics", Json("""{ "name": "order_value", "value": 1, "module": "fulfillment" }"""));
        var get = await app.CreateClient(key).GetAsync("/api/victim/metrics?name=order_value");
        var unknown = await app.CreateClient(key).GetAsync("/api/nobody/metrics?name=order_value");

        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        await ProblemAsync(post);
        var victim = await app.CreateClient(victimKey).GetFromJsonAsync<JsonElement>($"/api/victim/metrics?name=order_value&from={Day(1)}&to={Day(0)}");
        Assert.Equal(0, victim.GetProperty("summary").GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task Too_many_events_or_too_many_bytes_is_too_large()
    {
        var (_, key) = await app.CreateTenantAsync("large");
        var client = app.CreateClient(key);
        var tooMany = Enumerable.Repeat(new { name = "order_value", value = 1, module = "fulfillment" }, 1001);
        var tooBig = new string(' ', 300_000) + """{ "name": "order_value", "value": 1, "module": "fulfillment" }""";

        var many = await client.PostAsJsonAsync("/api/large/metrics", tooMany);
        var big = await client.PostAsync("/api/large/metrics", Json(tooBig));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, many.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, big.StatusCode);
        await ProblemAsync(many);
        await ProblemAsync(big);
    }

    [Fact]
    public async Task A_read_key_may_query_but_not_record()
    {
        var (_, key) = await app.CreateTenantAsync("reader", ApiKeyScope.Read, Roles.Analyst);
        var client = app.CreateClient(key);

        var post = await client.PostAsync("/api/reader/metrics", Json("""{ "name": "order_value", "value": 1, "module": "fulfillment" }"""));
        var get = await client.GetAsync("/api/reader/metrics?name=order_value");

        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
    }

    [Fact]
    public async Task A_breakdown_answers_one_series_per_dimension_value_largest_first()
    {
        var (_, key) = await app.CreateTenantAsync("breakdown");
        var client = app.CreateClient(key);
        await client.PostAsync("/api/breakdown/metrics", Json($$"""
            [ { "name": "order_value", "value": 5, "module": "fulfillment", "dimensions": { "country": "DE" }, "timestamp": "{{Day(1)}}T10:00:00Z" },
              { "name": "order_value", "value": 7, "module": "fulfillment", "dimensions": { "country": "US" }, "timestamp": "{{Day(1)}}T11:00:00Z" },
              { "name": "order_value", "value": 1, "module": "fulfillment", "timestamp": "{{Day(1)}}T12:00:00Z" } ]
            """));

        var body = await client.GetFromJsonAsync<JsonElement>($"/api/breakdown/metrics?name=order_value&from={Day(1)}&to={Day(0)}&by=country");

        Assert.Equal(13, body.GetProperty("summary").GetProperty("total").GetDouble());
        var groups = body.GetProperty("breakdown").EnumerateArray().ToList();
        Assert.Equal(["US", "DE"], groups.Select(g => g.GetProperty("value").GetString()));
        Assert.Equal([7d, 5d], groups.Select(g => g.GetProperty("total").GetDouble()));
    }

    [Fact]
    public async Task The_summary_gives_each_metric_its_figures_and_change()
    {
        var (_, key) = await app.CreateTenantAsync("summary");
        var client = app.CreateClient(key);
        await client.PostAsync("/api/summary/metrics", Json($$"""
            [ { "name": "csat", "value": 4, "module": "support", "timestamp": "{{Day(2)}}T10:00:00Z" },
              { "name": "csat", "value": 2, "module": "support", "timestamp": "{{Day(1)}}T10:00:00Z" },
              { "name": "csat", "value": 3, "module": "support", "timestamp": "{{Day(5)}}T10:00:00Z" },
              { "name": "points_earned", "value": 10, "module": "rewards", "timestamp": "{{Day(1)}}T09:00:00Z" } ]
            """));

        var all = await client.GetFromJsonAsync<JsonElement>($"/api/summary/metrics/summary?from={Day(2)}&to={Day(0)}");
        var support = await client.GetFromJsonAsync<JsonElement>($"/api/summary/metrics/summary?from={Day(2)}&to={Day(0)}&module=support");

        var csat = all.GetProperty("metrics").EnumerateArray().Single(m => m.GetProperty("name").GetString() == "csat");
        Assert.Equal(6, csat.GetProperty("total").GetDouble());
        Assert.Equal(2, csat.GetProperty("count").GetInt32());
        Assert.Equal(3, csat.GetProperty("average").GetDouble());
        Assert.Equal(2, csat.GetProperty("min").GetDouble());
        Assert.Equal(4, csat.GetProperty("max").GetDouble());
        Assert.Equal(2, csat.GetProperty("last").GetDouble());
        Assert.Equal(1, csat.GetProperty("change").GetDouble());
        Assert.Equal(["csat"], support.GetProperty("metrics").EnumerateArray().Select(m => m.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task The_catalog_lists_names_modules_and_dimension_keys()
    {
        var (_, key) = await app.CreateTenantAsync("catalog");
        var client = app.CreateClient(key);
        await client.PostAsync("/api/catalog/metrics", Json("""
            [ { "name": "order_value", "value": 5, "module": "fulfillment", "dimensions": { "country": "DE", "channel": "web" } },
              { "name": "order_value", "value": 5, "module": "sales", "dimensions": { "region": "eu" } },
              { "name": "csat", "value": 5, "module": "support" } ]
            """));

        var body = await client.GetFromJsonAsync<JsonElement>("/api/catalog/metrics/catalog");

        var metrics = body.GetProperty("metrics").EnumerateArray().ToDictionary(m => m.GetProperty("name").GetString()!);
        Assert.Equal(["csat", "order_value"], metrics.Keys.Order());
        Assert.Equal(["fulfillment", "sales"], metrics["order_value"].GetProperty("modules").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(["channel", "country", "region"], metrics["order_value"].GetProperty("dimensions").EnumerateArray().Select(m => m.GetString()));
        Assert.Empty(metrics["csat"].GetProperty("dimensions").EnumerateArray());
    }

    [Theory]
    [InlineData("group_by=hour&from={old}&to={old}", "Hourly data is kept")]
    [InlineData("group_by=day&from={old}&to={old}&filter.country=DE&filter.channel=web", "2 dimensions needs raw events")]
    public async Task Questions_no_tier_answers_exactly_are_unprocessable_with_the_reason(string query, string reason)
    {
        var (_, key) = await app.CreateTenantAsync("planner");
        var response = await app.CreateClient(key).GetAsync($"/api/planner/metrics?name=order_value&{query.Replace("{old}", Day(300))}");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(reason, (await ProblemAsync(response)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task One_bad_event_in_a_thousand_is_named_by_index_and_none_is_written()
    {
        var (_, key) = await app.CreateTenantAsync("thousand");
        var client = app.CreateClient(key);
        var events = Enumerable.Range(0, 1000).Select(i => new Dictionary<string, object>
        {
            ["name"] = "order_value",
            ["value"] = i == 637 ? "NaN" : 1.0,
            ["module"] = "fulfillment",
        });

        var response = await client.PostAsJsonAsync("/api/thousand/metrics", events);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["[637].value"], (await ProblemAsync(response)).GetProperty("errors").EnumerateObject().Select(e => e.Name));
        var get = await client.GetFromJsonAsync<JsonElement>($"/api/thousand/metrics?name=order_value&from={Day(1)}&to={Day(0)}");
        Assert.Equal(0, get.GetProperty("summary").GetProperty("count").GetInt32());
        var catalog = await client.GetFromJsonAsync<JsonElement>("/api/thousand/metrics/catalog");
        Assert.Empty(catalog.GetProperty("metrics").EnumerateArray());
    }
}
