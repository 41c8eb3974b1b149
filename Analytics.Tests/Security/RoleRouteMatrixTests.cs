using System.Net;
using System.Text;
using Analytics.Core.Tenancy;

namespace Analytics.Tests.Security;

/// <summary>
/// Every API route against every role — signed in with the cookie, with a read key and with a write key — and
/// anonymous, from one table of what DESIGN.md allows. A route the app maps without a row here fails the test, so
/// a new route has to say who may use it. The routes get real ids of the tenant's objects and valid bodies, so an
/// allowed request succeeds (2xx) and a refused one is told why (401 without credentials or with a cookie on a
/// write, 403 for a role or scope that may not).
/// </summary>
public sealed class RoleRouteMatrixTests(MatrixApp app) : IClassFixture<MatrixApp>
{
    internal sealed record Row(RouteAccess Access, string? Query = null, Func<MatrixApp, int, string>? Body = null);

    private const string ReportBody = """{ "name": "Matrix {0}", "metrics": ["order_count"], "format": "json", "filters": { "date_range": "last_30_days" } }""";
    private const string SegmentRules = "\"rules\": { \"all\": [ { \"field\": \"ltv\", \"op\": \"gt\", \"value\": 1 } ] }";
    private const string KpiQuery = "?from=2026-01-01&to=2026-03-31";

    /// <summary>The expectations, by (method, route pattern) exactly as the endpoint table spells them.</summary>
    internal static readonly Dictionary<(string Method, string Pattern), Row> Expected = new()
    {
        // Metrics: other systems push events with a write key; everyone reads.
        [("POST", "/api/{tenant}/metrics")] = new(RouteAccess.AnyWriter, Body: (_, _) => """{ "name": "order_count", "value": 1, "module": "fulfillment" }"""),
        [("GET", "/api/{tenant}/metrics")] = new(RouteAccess.Anyone, "?name=order_count"),
        [("GET", "/api/{tenant}/metrics/summary")] = new(RouteAccess.Anyone),
        [("GET", "/api/{tenant}/metrics/catalog")] = new(RouteAccess.Anyone),
        // Metric definitions: everyone reads what a metric means; admins and analysts define it; admins add modules.
        [("GET", "/api/{tenant}/metrics/definitions")] = new(RouteAccess.Anyone),
        [("PUT", "/api/{tenant}/metrics/definitions/{name}")] = new(RouteAccess.Builders,
            Body: (_, n) => $$"""{ "kind": "gauge", "unit": "°F", "aggregate": "avg", "higher_is_better": true, "description": "Matrix {{n}}" }"""),
        [("GET", "/api/{tenant}/modules")] = new(RouteAccess.Anyone),
        [("POST", "/api/{tenant}/modules")] = new(RouteAccess.AdminWrites, Body: (_, n) => $$"""{ "name": "matrix_{{n}}" }"""),

        // Dashboards: admin and analyst create; the owner and admin edit (a key owns nothing); who it is shared with views.
        [("GET", "/api/{tenant}/dashboards")] = new(RouteAccess.Anyone),
        // An analyst's dashboard belongs to the signed-in analyst; a key owns nothing, so only an admin key creates one.
        [("POST", "/api/{tenant}/dashboards")] = new(RouteAccess.AdminWrites, Body: (_, n) => $$"""{ "name": "Matrix {{n}}" }"""),
        [("GET", "/api/{tenant}/dashboards/{id:long}")] = new(RouteAccess.Anyone),
        [("PATCH", "/api/{tenant}/dashboards/{id:long}")] = new(RouteAccess.AdminWrites, Body: (_, n) => $$"""{ "description": "Renamed {{n}}" }"""),
        [("DELETE", "/api/{tenant}/dashboards/{id:long}")] = new(RouteAccess.AdminWrites),
        [("POST", "/api/{tenant}/dashboards/{id:long}/widgets")] = new(RouteAccess.AdminWrites, Body: (_, _) => MatrixApp.WidgetBody("alpha")),
        [("GET", "/api/{tenant}/dashboards/{id:long}/pdf")] = new(RouteAccess.Anyone),
        [("PATCH", "/api/{tenant}/widgets/{id:long}")] = new(RouteAccess.AdminWrites, Body: (_, n) => $$"""{ "title": "Orders {{n}}" }"""),
        [("DELETE", "/api/{tenant}/widgets/{id:long}")] = new(RouteAccess.AdminWrites),
        [("GET", "/api/analytics/dashboards")] = new(RouteAccess.Anyone),

        // Reports: managers view and download, admins and analysts build and run, admins test the mail.
        [("GET", "/api/{tenant}/reports")] = new(RouteAccess.FigureReaders),
        [("POST", "/api/{tenant}/reports")] = new(RouteAccess.Builders, Body: (_, n) => ReportBody.Replace("{0}", n.ToString())),
        [("GET", "/api/{tenant}/reports/{id:long}")] = new(RouteAccess.FigureReaders),
        [("PUT", "/api/{tenant}/reports/{id:long}")] = new(RouteAccess.Builders, Body: (_, n) => ReportBody.Replace("{0}", n.ToString())),
        [("DELETE", "/api/{tenant}/reports/{id:long}")] = new(RouteAccess.Builders),
        [("POST", "/api/{tenant}/reports/{id:long}/runs")] = new(RouteAccess.Builders),
        [("GET", "/api/{tenant}/reports/{id:long}/runs/{runId:long}")] = new(RouteAccess.FigureReaders),
        [("GET", "/api/{tenant}/reports/{id:long}/download")] = new(RouteAccess.FigureReaders),
        [("POST", "/api/{tenant}/reports/test-email")] = new(RouteAccess.AdminWrites, Body: (_, _) => """{ "to": "admin@company.com" }"""),
        [("POST", "/api/analytics/reports/export")] = new(RouteAccess.FigureReaders,
            Body: (_, _) => """{ "reportType": "revenue", "from": "2026-01-01", "to": "2026-03-31", "format": "csv", "groupBy": "month" }"""),

        // Customers and segments: profiles are pushed like events; admins and analysts shape segments.
        [("GET", "/api/{tenant}/customers")] = new(RouteAccess.Anyone),
        [("POST", "/api/{tenant}/customers")] = new(RouteAccess.AnyWriter, Body: (_, n) => $$"""{ "external_id": "matrix-{{n}}", "name": "Matrix {{n}}" }"""),
        [("GET", "/api/{tenant}/customers/{id}")] = new(RouteAccess.Anyone),
        [("GET", "/api/{tenant}/customers/{id}/timeline")] = new(RouteAccess.Anyone),
        [("GET", "/api/{tenant}/segments")] = new(RouteAccess.Anyone),
        [("POST", "/api/{tenant}/segments")] = new(RouteAccess.Builders, Body: (_, n) => $$"""{ "name": "matrix-{{n}}", {{SegmentRules}} }"""),
        [("POST", "/api/{tenant}/segments/preview")] = new(RouteAccess.Anyone, Body: (_, _) => $$"""{ {{SegmentRules}} }"""),
        [("GET", "/api/{tenant}/segments/{id}")] = new(RouteAccess.Anyone),
        [("PATCH", "/api/{tenant}/segments/{id}")] = new(RouteAccess.Builders, Body: (_, n) => $$"""{ "description": "Matrix {{n}}" }"""),
        [("DELETE", "/api/{tenant}/segments/{id}")] = new(RouteAccess.Builders),
        [("GET", "/api/{tenant}/segments/{id}/members")] = new(RouteAccess.Anyone),

        // Business KPIs, forecast and anomalies (seed 000): admins, analysts and managers; admins set rates and run the detector.
        [("GET", "/api/analytics/revenue")] = new(RouteAccess.FigureReaders, KpiQuery),
        [("GET", "/api/analytics/sales")] = new(RouteAccess.FigureReaders, KpiQuery),
        [("GET", "/api/analytics/products")] = new(RouteAccess.FigureReaders, KpiQuery),
        [("GET", "/api/analytics/customers")] = new(RouteAccess.FigureReaders, KpiQuery),
        [("GET", "/api/analytics/inventory")] = new(RouteAccess.FigureReaders, KpiQuery),
        [("GET", "/api/analytics/hr")] = new(RouteAccess.FigureReaders, KpiQuery),
        [("GET", "/api/analytics/support")] = new(RouteAccess.FigureReaders, KpiQuery),
        [("GET", "/api/analytics/marketing")] = new(RouteAccess.FigureReaders, KpiQuery),
        [("GET", "/api/analytics/forecast")] = new(RouteAccess.FigureReaders),
        [("GET", "/api/analytics/anomalies")] = new(RouteAccess.FigureReaders),
        [("POST", "/api/analytics/anomalies/detect")] = new(RouteAccess.AdminWrites),
        [("GET", "/api/analytics/exchange-rates")] = new(RouteAccess.FigureReaders),
        [("PUT", "/api/analytics/exchange-rates")] = new(RouteAccess.AdminWrites, Body: (_, _) => """{ "rates": { "eur": 0.9 } }"""),
    };

    /// <summary>Who asks: anonymous, a signed-in user of each role, and a key of each role and scope.</summary>
    public sealed record Who(string? Role, ApiKeyScope? Scope, bool Session)
    {
        public override string ToString() => Role is null ? "anonymous" : Session ? $"{Role} (signed in)" : $"{Role} ({Scope} key)";
    }

    public static IEnumerable<Who> Everyone =>
        new[] { new Who(null, null, false) }
            .Concat(Roles.All.Select(r => new Who(r, null, true)))
            .Concat(Roles.All.SelectMany(r => new[] { new Who(r, ApiKeyScope.Read, false), new Who(r, ApiKeyScope.Write, false) }));

    [Fact]
    public void Every_mapped_route_has_an_expectation_and_every_expectation_a_route()
    {
        var routes = ApiRoutes.Of(app).ToHashSet();
        Assert.Empty(routes.Where(r => !Expected.ContainsKey(r)).Select(r => $"{r.Method} {r.Pattern}: no expectation"));
        Assert.Empty(Expected.Keys.Where(r => !routes.Contains(r)).Select(r => $"{r.Method} {r.Pattern}: not mapped"));
    }

    [Fact]
    public async Task Every_role_gets_what_design_allows_on_every_route()
    {
        var alpha = app["alpha"];
        var wrong = new List<string>();
        var checkedCount = 0;
        foreach (var who in Everyone)
        {
            using var client = who.Role is null ? app.Anonymous()
                : who.Session ? await app.SignInAsync($"{who.Role}@alpha.example")
                : app.CreateClient(alpha.Key(who.Role, who.Scope!.Value));
            foreach (var ((method, pattern), row) in Expected.OrderBy(e => e.Key.Pattern, StringComparer.Ordinal))
            {
                var path = await PathAsync(pattern, method, alpha) + (row.Query ?? "");
                using var request = new HttpRequestMessage(new HttpMethod(method), path);
                if (row.Body is not null) request.Content = new StringContent(row.Body(app, app.Unique()), Encoding.UTF8, "application/json");
                using var response = await client.SendAsync(request);
                var status = (int)response.StatusCode;
                var expected = Expect(who, method, row.Access);
                var ok = expected == "2xx" ? status is >= 200 and < 300 : status.ToString() == expected;
                if (!ok) wrong.Add($"{who}: {method} {pattern} answered {status}, expected {expected} {Detail(await response.Content.ReadAsStringAsync())}");
                checkedCount++;
            }
        }
        Assert.True(wrong.Count == 0, $"{wrong.Count} of {checkedCount}:\n" + string.Join("\n", wrong));
        Assert.Equal(16 * Expected.Count, checkedCount);
    }

    private static string Expect(Who who, string method, RouteAccess access)
    {
        if (who.Role is null) return "401";
        // The cookie signs in reads (downloads from the UI); a write needs a key.
        if (who.Session && method != "GET") return "401";
        return access.Allows(who.Role, who.Scope) ? "2xx" : "403";
    }

    private static string Detail(string body) => body.Length > 160 ? body[..160] : body;

    /// <summary>The route's path with the tenant's real ids; a deleting route gets a fresh object of its own.</summary>
    private async Task<string> PathAsync(string pattern, string method, MatrixApp.TenantObjects tenant)
    {
        var admin = app.CreateClient(tenant.Key());
        var dashboard = tenant.Dashboard;
        var widget = tenant.Widget;
        var report = tenant.Report;
        var segment = tenant.Segment;
        if (method == "DELETE")
        {
            if (pattern.Contains("/dashboards/", StringComparison.Ordinal)) dashboard = await app.NewDashboardAsync(admin, tenant.Slug);
            if (pattern.Contains("/widgets/", StringComparison.Ordinal)) widget = await app.NewWidgetAsync(admin, tenant.Slug, tenant.Dashboard);
            if (pattern.Contains("/reports/", StringComparison.Ordinal)) report = await app.NewReportAsync(admin, tenant.Slug);
            if (pattern.Contains("/segments/", StringComparison.Ordinal)) segment = await app.NewSegmentAsync(admin, tenant.Slug);
        }
        return Fill(pattern, tenant.Slug, dashboard, widget, report, tenant.Run, segment, tenant.Customer);
    }

    /// <summary>Puts ids into a route pattern by what its path names before each parameter.</summary>
    public static string Fill(string pattern, string slug, long dashboard, long widget, long report, long run, long segment, string customer)
    {
        var path = pattern.Replace("{tenant}", slug);
        path = path.Replace("/dashboards/{id:long}", $"/dashboards/{dashboard}").Replace("/widgets/{id:long}", $"/widgets/{widget}")
            .Replace("/reports/{id:long}", $"/reports/{report}").Replace("{runId:long}", run.ToString())
            .Replace("/segments/{id}", $"/segments/{segment}").Replace("/customers/{id}", $"/customers/{Uri.EscapeDataString(customer)}")
            .Replace("/metrics/definitions/{name}", "/metrics/definitions/temperature_f");
        if (path.Contains('{')) throw new InvalidOperationException($"No id for a parameter of {pattern}.");
        return path;
    }
}
