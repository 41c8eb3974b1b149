using System.Net;
using System.Net.Http.Json;
using Analytics.Tests.Infrastructure;
using Analytics.Web.Cli;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Tests.Cli;

public sealed class AdminCommandLineTests(AnalyticsAppFactory app) : IClassFixture<AnalyticsAppFactory>
{
    private async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await scope.ServiceProvider.GetRequiredService<AdminCommandLine>().RunAsync(args, output, error, CancellationToken.None);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Tenant_user_and_key_created_on_the_command_line_work_at_once()
    {
        Assert.Equal(0, (await RunAsync("tenant", "create", "cli-co")).Exit);

        var user = await RunAsync("user", "create", "--tenant", "cli-co", "--email", "ops@cli.example", "--role", "analyst");
        Assert.Equal(0, user.Exit);
        Assert.Matches("Password: \\S{10,}", user.Output);

        var key = await RunAsync("apikey", "create", "--tenant", "cli-co", "--scope", "write", "--role", "admin");
        Assert.Equal(0, key.Exit);
        var secret = key.Output.Trim().Split('\n').Last().Trim();

        var client = app.CreateClient(secret);
        var post = await client.PostAsJsonAsync("/api/cli-co/metrics", new { name = "order_value", value = 5, module = "fulfillment" });
        Assert.Equal(HttpStatusCode.Created, post.StatusCode);
    }

    [Theory]
    [InlineData("tenant")]
    [InlineData("tenant", "create")]
    [InlineData("user", "create", "--tenant", "nobody-here", "--email", "a@b.example", "--role", "analyst")]
    [InlineData("user", "create", "--email", "a@b.example", "--role", "analyst")]
    [InlineData("apikey", "create", "--tenant", "x", "--scope", "admin", "--role", "admin")]
    [InlineData("apikey", "create", "--tenant")]
    [InlineData("tenant", "create", "Bad Slug!")]
    public async Task Bad_arguments_print_why_and_exit_non_zero(params string[] args)
    {
        var result = await RunAsync(args);
        Assert.NotEqual(0, result.Exit);
        Assert.NotEmpty(result.Error.Trim());
    }

    [Fact]
    public async Task An_unknown_role_is_refused()
    {
        await RunAsync("tenant", "create", "roles-co");
        var result = await RunAsync("user", "create", "--tenant", "roles-co", "--email", "x@roles.example", "--role", "superuser");
        Assert.Equal(1, result.Exit);
        Assert.Contains("role", result.Error);
    }
}
