using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Analytics.Core.Tenancy;
using Analytics.Tests.Infrastructure;

namespace Analytics.Tests.Api.Insights;

public sealed class InsightsApiTests(QuietAppFactory app) : IClassFixture<QuietAppFactory>
{
    private static IEnumerable<string> Names(JsonElement element) => element.EnumerateObject().Select(p => p.Name);

    /// <summary>Sixty days of about 100 orders a day and 10 yesterday.</summary>
    private static async Task RecordAsync(HttpClient client, string slug)
    {
        var today = SuiteClock.Today;
        var events = Enumerable.Range(1, 60).Select(d => new
        {
            name = "order_count",
            value = d == 1 ? 10 : 100 + d % 5,
            module = "fulfillment",
            timestamp = today.AddDays(-d).AddHours(12),
        });
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"/api/{slug}/metrics", events)).StatusCode);
    }

    [Fact]
    public async Task An_admin_runs_the_detector_and_the_anomaly_has_the_seed_fields()
    {
        var (_, key) = await app.CreateTenantAsync("anomalies");
        var client = app.CreateClient(key);
        await RecordAsync(client, "anomalies");

        var run = await client.PostAsync("/api/analytics/anomalies/detect", null);
        Assert.Equal(HttpStatusCode.OK, run.StatusCode);
        var again = await (await client.PostAsync("/api/analytics/anomalies/detect", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Empty(again.GetProperty("anomalies").EnumerateArray());

        var body = await client.GetFromJsonAsync<JsonElement>("/api/analytics/anomalies?severity=high&metric=order_count");
        var anomaly = Assert.Single(body.GetProperty("anomalies").EnumerateArray());
        Assert.Superset(new HashSet<string> { "metric", "severity", "detectedAt", "expected", "actual", "deviation", "description" }, Names(anomaly).ToHashSet());
        Assert.Equal("high", anomaly.GetProperty("severity").GetString());
        Assert.EndsWith("Z", anomaly.GetProperty("detectedAt").GetString());
        Assert.Equal(10, anomaly.GetProperty("actual").GetDouble());
        var yesterday = SuiteClock.Today.AddDays(-1).ToString("yyyy-MM-dd");
        Assert.StartsWith("Orders 9", anomaly.GetProperty("description").GetString());
        Assert.EndsWith($"below 30-day moving average on {yesterday}", anomaly.GetProperty("description").GetString());

        var (_, otherKey) = await app.CreateTenantAsync("other-anomalies");
        var theirs = await app.CreateClient(otherKey).GetFromJsonAsync<JsonElement>("/api/analytics/anomalies");
        Assert.Empty(theirs.GetProperty("anomalies").EnumerateArray());
    }

    [Fact]
    public async Task Anomaly_filters_and_the_detector_route_are_checked()
    {
        var (_, key) = await app.CreateTenantAsync("anomaly-checks", role: Roles.Analyst);
        var client = app.CreateClient(key);

        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/analytics/anomalies?severity=critical")).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await client.GetAsync("/api/analytics/anomalies?from=2026-03-02&to=2026-03-01")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync("/api/analytics/anomalies/detect", null)).StatusCode);
    }

    [Fact]
    public async Task The_forecast_has_the_seed_shape_and_checks_its_parameters()
    {
        var (_, key) = await app.CreateTenantAsync("forecast");
        var client = app.CreateClient(key);
        await RecordAsync(client, "forecast");

        var forecast = await client.GetFromJsonAsync<JsonElement>("/api/analytics/forecast?periods=3&granularity=day&metric=order_count");
        Assert.Superset(new HashSet<string> { "model", "generatedAt", "forecast", "confidence", "currency" }, Names(forecast).ToHashSet());
        Assert.Equal("linear_regression_with_seasonality", forecast.GetProperty("model").GetString());
        Assert.Equal(3, forecast.GetProperty("forecast").GetArrayLength());
        Assert.Superset(new HashSet<string> { "period", "predicted", "confidenceLow", "confidenceHigh" }, Names(forecast.GetProperty("forecast")[0]).ToHashSet());

        var revenue = await client.GetFromJsonAsync<JsonElement>("/api/analytics/forecast");
        Assert.Equal("mean_of_short_history", revenue.GetProperty("model").GetString());
        Assert.Equal("usd", revenue.GetProperty("currency").GetString());

        foreach (var bad in new[] { "periods=0", "periods=37", "granularity=hour", "currency=xyz" })
            Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"/api/analytics/forecast?{bad}")).StatusCode);
    }
}
