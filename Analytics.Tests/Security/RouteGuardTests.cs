using System.Net;
using Analytics.Tests.Infrastructure;

namespace Analytics.Tests.Security;

/// <summary>
/// Guards that hold for every API route, found from the app's own endpoint table so a new route is covered the day it
/// is mapped: no route answers without credentials, and no route of one tenant answers another tenant's key.
/// </summary>
public sealed class RouteGuardTests(AnalyticsAppFactory app) : IClassFixture<AnalyticsAppFactory>
{
    private static HttpRequestMessage Request(string method, string path) => new(new HttpMethod(method), path)
    {
        Content = method is "GET" or "DELETE" ? null : new StringContent("{}", System.Text.Encoding.UTF8, "application/json"),
    };

    [Fact]
    public void The_route_table_is_found()
    {
        var routes = ApiRoutes.Of(app);
        Assert.Contains(("POST", "/api/{tenant}/metrics"), routes);
        Assert.Contains(("GET", "/api/analytics/dashboards"), routes);
    }

    [Fact]
    public async Task Every_api_route_answers_401_without_credentials()
    {
        await app.CreateTenantAsync("guarded");
        var client = app.CreateClient();
        var wrong = new List<string>();
        foreach (var (method, pattern) in ApiRoutes.Of(app))
        {
            using var response = await client.SendAsync(Request(method, ApiRoutes.Fill(pattern, "guarded")));
            if (response.StatusCode != HttpStatusCode.Unauthorized) wrong.Add($"{method} {pattern}: {(int)response.StatusCode}");
        }
        Assert.Empty(wrong);
    }

    [Fact]
    public async Task Every_tenant_route_answers_404_to_another_tenants_key()
    {
        var (_, keyOfA) = await app.CreateTenantAsync("tenant-a");
        await app.CreateTenantAsync("tenant-b");
        var client = app.CreateClient(keyOfA);
        var wrong = new List<string>();
        foreach (var (method, pattern) in ApiRoutes.Of(app).Where(r => r.Pattern.StartsWith("/api/{tenant}/", StringComparison.Ordinal)))
        {
            using var response = await client.SendAsync(Request(method, ApiRoutes.Fill(pattern, "tenant-b")));
            if (response.StatusCode != HttpStatusCode.NotFound) wrong.Add($"{method} {pattern}: {(int)response.StatusCode}");
        }
        Assert.Empty(wrong);
    }
}
