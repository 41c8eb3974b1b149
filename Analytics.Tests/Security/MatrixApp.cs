using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Analytics.Core.Tenancy;
using Analytics.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Tests.Security;

/// <summary>
/// The app with tenants whose objects the route matrices ask for: a user and a key of every role and scope, and one of
/// each object an id in a route can name (dashboard, widget, report, report run, segment, customer).
/// </summary>
public sealed partial class MatrixApp : AnalyticsAppFactory, IAsyncLifetime
{
    public const string Password = "matrix-Password-2026";

    private readonly Dictionary<string, TenantObjects> _tenants = [];
    private int _unique;

    protected override IDictionary<string, string> Settings => new Dictionary<string, string>(base.Settings)
    {
        // The matrices send hundreds of requests from one address; the budgets have their own tests.
        ["RateLimits:Enabled"] = "false",
    };

    /// <summary>What one tenant holds, by the names the route parameters use.</summary>
    public sealed record TenantObjects(Tenant Tenant, IReadOnlyDictionary<(string Role, ApiKeyScope Scope), string> Keys, IReadOnlyDictionary<string, string> Users)
    {
        public long Dashboard { get; set; }
        public long Widget { get; set; }
        public long Report { get; set; }
        public long Run { get; set; }
        public long Segment { get; set; }
        public string Customer { get; set; } = "";
        public string Slug => Tenant.Slug;
        public string Key(string role = Roles.Admin, ApiKeyScope scope = ApiKeyScope.Write) => Keys[(role, scope)];
    }

    public TenantObjects this[string slug] => _tenants[slug];

    /// <summary>A number no other request of this app used, for names that must be unique.</summary>
    public int Unique() => Interlocked.Increment(ref _unique);

    public async ValueTask InitializeAsync()
    {
        foreach (var slug in new[] { "alpha", "bravo" }) _tenants[slug] = await CreateObjectsAsync(slug);
    }

    private async Task<TenantObjects> CreateObjectsAsync(string slug)
    {
        var (tenant, _) = await CreateTenantAsync(slug);
        var keys = new Dictionary<(string, ApiKeyScope), string>();
        var users = new Dictionary<string, string>();
        await using (var scope = Services.CreateAsyncScope())
        {
            var issuer = scope.ServiceProvider.GetRequiredService<ApiKeyService>();
            var directory = scope.ServiceProvider.GetRequiredService<UserDirectory>();
            foreach (var role in Roles.All)
            {
                foreach (var keyScope in new[] { ApiKeyScope.Read, ApiKeyScope.Write })
                    keys[(role, keyScope)] = (await issuer.CreateAsync(tenant.Id, $"{role} {keyScope}", keyScope, role, CancellationToken.None)).Secret;
                users[role] = (await directory.CreateAsync(tenant.Id, $"{role}@{slug}.example", role, Password, $"{Marker(slug)} {role}")).User.Id;
            }
        }
        var objects = new TenantObjects(tenant, keys, users);
        var admin = CreateClient(objects.Key());
        var marker = Marker(slug);

        await SendAsync(admin, HttpMethod.Post, $"/api/{slug}/metrics", $$"""
            [{ "name": "order_value", "value": 120, "module": "fulfillment", "customer_id": "{{marker}}-customer", "dimensions": { "country": "DE" } },
             { "name": "order_count", "value": 1, "module": "fulfillment" }]
            """);
        await SendAsync(admin, HttpMethod.Post, $"/api/{slug}/customers", $$"""{ "external_id": "{{marker}}-customer", "name": "{{marker}} Customer" }""");
        objects.Customer = $"{marker}-customer";
        objects.Dashboard = await NewDashboardAsync(admin, slug);
        objects.Widget = await NewWidgetAsync(admin, slug, objects.Dashboard);
        objects.Segment = await NewSegmentAsync(admin, slug);
        var report = await SendAsync(admin, HttpMethod.Post, $"/api/{slug}/reports",
            $$"""{ "name": "{{marker}} Report", "metrics": ["order_count"], "format": "json", "filters": { "date_range": "last_30_days" } }""");
        objects.Report = report.GetProperty("id").GetInt64();
        objects.Run = report.GetProperty("run").GetProperty("id").GetInt64();
        await WaitForRunAsync(admin, objects);
        return objects;
    }

    /// <summary>Every object of a tenant carries this word in its name, so an answer that shows another tenant's data is found by it.</summary>
    public static string Marker(string slug) => $"Secret{char.ToUpperInvariant(slug[0])}{slug[1..]}";

    public async Task<long> NewDashboardAsync(HttpClient admin, string slug) =>
        (await SendAsync(admin, HttpMethod.Post, $"/api/{slug}/dashboards",
            $$"""{ "name": "{{Marker(slug)}} Dashboard {{Unique()}}", "shared_with": ["admin", "analyst", "manager", "operator", "dealer"] }"""))
        .GetProperty("id").GetInt64();

    public async Task<long> NewWidgetAsync(HttpClient admin, string slug, long dashboard) =>
        (await SendAsync(admin, HttpMethod.Post, $"/api/{slug}/dashboards/{dashboard}/widgets", WidgetBody(slug))).GetProperty("id").GetInt64();

    public static string WidgetBody(string slug) =>
        $$"""{ "type": "kpi_card", "title": "{{Marker(slug)}} Orders", "metric": "order_count", "period": "30d", "position": { "x": 0, "y": 0, "w": 3, "h": 2 } }""";

    public async Task<long> NewSegmentAsync(HttpClient admin, string slug) =>
        (await SendAsync(admin, HttpMethod.Post, $"/api/{slug}/segments",
            $$"""{ "name": "{{Marker(slug).ToLowerInvariant()}}-{{Unique()}}", "rules": { "all": [ { "field": "ltv", "op": "gt", "value": 1 } ] } }"""))
        .GetProperty("id").GetInt64();

    public async Task<long> NewReportAsync(HttpClient admin, string slug) =>
        (await SendAsync(admin, HttpMethod.Post, $"/api/{slug}/reports",
            $$"""{ "name": "{{Marker(slug)}} Report {{Unique()}}", "metrics": ["order_count"], "format": "json", "filters": { "date_range": "last_30_days" } }"""))
        .GetProperty("id").GetInt64();

    private static async Task WaitForRunAsync(HttpClient admin, TenantObjects objects)
    {
        for (var i = 0; i < 600; i++)
        {
            var run = await admin.GetFromJsonAsync<JsonElement>($"/api/{objects.Slug}/reports/{objects.Report}/runs/{objects.Run}");
            var status = run.GetProperty("status").GetString();
            if (status == "succeeded") return;
            if (status == "failed") throw new InvalidOperationException($"The report run failed: {run}");
            await Task.Delay(50);
        }
        throw new TimeoutException("The report run did not finish.");
    }

    private static async Task<JsonElement> SendAsync(HttpClient client, HttpMethod method, string path, string body)
    {
        using var response = await client.SendAsync(new HttpRequestMessage(method, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{method} {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"(?<token>[^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    /// <summary>A client signed in through the sign-in form with the cookie, as a browser is; it does not follow redirects.</summary>
    public async Task<HttpClient> SignInAsync(string email)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var form = await client.GetStringAsync("/account/login");
        var token = AntiforgeryToken().Match(form).Groups["token"].Value;
        using var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            ["Input.Email"] = email,
            ["Input.Password"] = Password,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString.Contains("login", StringComparison.Ordinal) == true)
            throw new InvalidOperationException($"Signing in {email} answered {(int)response.StatusCode} {response.Headers.Location}");
        return client;
    }

    /// <summary>An unauthenticated client that does not follow redirects.</summary>
    public HttpClient Anonymous() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

}
