using System.Net;
using Analytics.Core.Tenancy;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Tests.Security;

/// <summary>
/// Every page of the app against every role and anonymous, from one table: a page a role may open answers 200, a
/// page for other roles sends to the access-denied page, and without a sign-in every page but the public ones sends
/// to the sign-in page. A routable page without a row here fails the test.
/// </summary>
public sealed class PageRoleMatrixTests(MatrixApp app) : IClassFixture<MatrixApp>
{
    private static readonly IReadOnlySet<string> SignedIn = Roles.All.ToHashSet();

    /// <summary>Who opens each page; null for the public pages.</summary>
    private static readonly Dictionary<string, IReadOnlySet<string>?> Expected = new()
    {
        ["/"] = SignedIn,
        ["/dashboards/{Id:long}"] = SignedIn,
        ["/explore"] = SignedIn,
        // Insights opens for everyone and says in the page that the figures are for admins, analysts and managers.
        ["/insights"] = SignedIn,
        ["/customers"] = SignedIn,
        ["/customers/{Id}"] = SignedIn,
        ["/segments"] = SignedIn,
        ["/reports"] = RouteAccess.FigureReaders.AllowedRoles,
        ["/reports/{Id:long}"] = RouteAccess.FigureReaders.AllowedRoles,
        ["/admin"] = new HashSet<string> { Roles.Admin },
        ["/metrics"] = new HashSet<string> { Roles.Admin, Roles.Analyst },
        ["/account/change-password"] = SignedIn,
        ["/access-denied"] = SignedIn,
        ["/account/login"] = null,
        ["/not-found"] = null,
    };

    private IReadOnlyList<string> Pages()
    {
        _ = app.Server;
        return app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ComponentTypeMetadata>() is not null)
            .Select(e => e.RoutePattern.RawText!).Distinct().Order(StringComparer.Ordinal).ToList();
    }

    [Fact]
    public void Every_page_has_an_expectation_and_every_expectation_a_page()
    {
        var pages = Pages();
        Assert.Contains("/admin", pages);
        Assert.Empty(pages.Where(p => !Expected.ContainsKey(p)).Select(p => $"{p}: no expectation"));
        Assert.Empty(Expected.Keys.Where(p => !pages.Contains(p)).Select(p => $"{p}: not a page"));
    }

    [Fact]
    public async Task Every_role_opens_the_pages_design_allows_and_is_sent_away_from_the_others()
    {
        var alpha = app["alpha"];
        var wrong = new List<string>();
        foreach (var role in new string?[] { null }.Concat(Roles.All))
        {
            using var client = role is null ? app.Anonymous() : await app.SignInAsync($"{role}@alpha.example");
            foreach (var (pattern, roles) in Expected)
            {
                var path = RoleRouteMatrixTests.Fill(pattern.Replace("{Id:long}", "{id:long}").Replace("{Id}", "{id}"), alpha.Slug,
                    alpha.Dashboard, alpha.Widget, alpha.Report, alpha.Run, alpha.Segment, alpha.Customer);
                using var response = await client.GetAsync(path);
                var expected = roles is null || (role is not null && roles.Contains(role)) ? "200"
                    : role is null ? "302 /account/login" : "302 /access-denied";
                var location = response.Headers.Location?.OriginalString;
                var actual = response.StatusCode == HttpStatusCode.Redirect
                    ? $"302 {location?.Split('?')[0].Replace(app.Server.BaseAddress.ToString().TrimEnd('/'), "")}"
                    : ((int)response.StatusCode).ToString();
                if (actual != expected) wrong.Add($"{role ?? "anonymous"}: {path} answered {actual}, expected {expected}");
            }
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public async Task An_unknown_address_is_a_not_found_page_signed_in_or_not()
    {
        using var anonymous = app.Anonymous();
        using var signedIn = await app.SignInAsync("dealer@alpha.example");
        foreach (var client in new[] { anonymous, signedIn })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/no-such-page");
            request.Headers.Accept.ParseAdd("text/html");
            using var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Contains("There is nothing at this address.", await response.Content.ReadAsStringAsync());
        }
    }
}
