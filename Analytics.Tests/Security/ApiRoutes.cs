using System.Text.RegularExpressions;
using Analytics.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Tests.Security;

/// <summary>The app's API routes read from its own endpoint table, so route-wide tests cover a route the day it is mapped.</summary>
public static partial class ApiRoutes
{
    [GeneratedRegex(@"\{(?<name>[a-z]+)(:[^}]+)?\}", RegexOptions.IgnoreCase)]
    private static partial Regex Parameter();

    /// <summary>Every (method, pattern) under <c>/api/</c>; a route without method metadata counts as GET.</summary>
    public static IReadOnlyList<(string Method, string Pattern)> Of(AnalyticsAppFactory app)
    {
        _ = app.Server; // builds the host, so its endpoint table exists
        return app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (m, e.RoutePattern.RawText!)))
            .Distinct().OrderBy(r => r.Item2, StringComparer.Ordinal).ThenBy(r => r.m, StringComparer.Ordinal).ToList();
    }

    /// <summary>A path for the pattern: the tenant given, every other parameter 1.</summary>
    public static string Fill(string pattern, string tenant) =>
        Parameter().Replace(pattern, m => m.Groups["name"].Value == "tenant" ? tenant : "1");
}
