using System.Net;
using System.Net.Http.Json;
using Analytics.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Analytics.Tests.Security;

public sealed class RateLimitTests(RateLimitTests.SmallBudgets app) : IClassFixture<RateLimitTests.SmallBudgets>
{
    public sealed class SmallBudgets : AnalyticsAppFactory
    {
        protected override IDictionary<string, string> Settings => new Dictionary<string, string>(base.Settings)
        {
            ["RateLimits:ApiKeyPermits"] = "10",
            ["RateLimits:SignInPermits"] = "3",
            ["RateLimits:Window"] = "00:10:00",
        };
    }

    [Fact]
    public async Task A_burst_over_a_keys_budget_gets_429_with_retry_after_and_the_server_stays_responsive()
    {
        var (_, key) = await app.CreateTenantAsync("burst");
        var client = app.CreateClient(key);

        var answers = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => client.GetAsync("/api/burst/metrics/catalog")));

        Assert.Equal(10, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
        var refused = answers.Where(a => a.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.Equal(20, refused.Count);
        Assert.True(int.Parse(refused[0].Headers.GetValues("Retry-After").Single()) is > 0 and <= 600);
        var problem = await refused[0].Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.Equal(429, problem!.Status);

        // Another key has its own budget, and the server answers everyone else at once.
        var (_, other) = await app.CreateTenantAsync("calm");
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient(other).GetAsync("/api/calm/metrics/catalog")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync("/health/live")).StatusCode);
    }

    [Fact]
    public async Task Sign_in_attempts_from_one_address_are_limited()
    {
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Email"] = "x@y.z", ["Input.Password"] = "wrong-password" });
            statuses.Add((await client.PostAsync("/account/login", form)).StatusCode);
        }

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses.Take(3));
        Assert.All(statuses.Skip(3), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
    }
}
