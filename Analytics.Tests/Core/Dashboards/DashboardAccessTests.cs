using Analytics.Core.Dashboards;
using Analytics.Core.Errors;
using Analytics.Core.Tenancy;
using Analytics.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Tests.Core.Dashboards;

/// <summary>The sharing matrix, through the service: each role against a private, a shared and an own dashboard.</summary>
public sealed class DashboardAccessTests : IAsyncLifetime
{
    private readonly CoreHost _host = new();
    private int _tenant;
    private long _private;
    private long _sharedWithManagers;

    private Caller As(string role, string user) => new(_tenant, "acme", user, new HashSet<string> { role }, CanWrite: true);

    private Caller Admin => As(Roles.Admin, "u-admin");
    private Caller Owner => As(Roles.Analyst, "u-owner");

    public async ValueTask InitializeAsync()
    {
        _tenant = (await _host.CreateTenantAsync("acme")).TenantId;
        _private = (await RunAsync(Owner, d => d.CreateAsync(Owner, new DashboardInput("Mine"), CancellationToken.None))).Dashboard.Id;
        var shared = await RunAsync(Owner, d => d.CreateAsync(Owner, new DashboardInput("For managers"), CancellationToken.None));
        await RunAsync(Admin, d => d.UpdateAsync(Admin, shared.Dashboard.Id, new DashboardInput(SharedWith: [Roles.Manager]), CancellationToken.None));
        _sharedWithManagers = shared.Dashboard.Id;
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private Task<T> RunAsync<T>(Caller caller, Func<DashboardService, Task<T>> work) =>
        _host.RunAsync(caller, s => work(s.GetRequiredService<DashboardService>()));

    private async Task<string> OutcomeAsync(Caller caller, Func<DashboardService, Task> action)
    {
        try
        {
            await RunAsync(caller, async d => { await action(d); return 0; });
            return "ok";
        }
        catch (NotFoundException) { return "404"; }
        catch (ForbiddenException) { return "403"; }
    }

    public static TheoryData<string, string, string, string, string, string> Matrix() => new()
    {
        // role, dashboard, view, edit, share, delete
        { Roles.Admin, "private", "ok", "ok", "ok", "ok" },
        { Roles.Admin, "shared", "ok", "ok", "ok", "ok" },
        { Roles.Analyst, "private", "404", "404", "404", "404" },
        { Roles.Analyst, "shared", "404", "404", "404", "404" },
        { Roles.Analyst, "own", "ok", "ok", "403", "ok" },
        { Roles.Manager, "private", "404", "404", "404", "404" },
        { Roles.Manager, "shared", "ok", "403", "403", "403" },
        { Roles.Operator, "shared", "404", "404", "404", "404" },
        { Roles.Dealer, "shared", "404", "404", "404", "404" },
        { Roles.Dealer, "private", "404", "404", "404", "404" },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_role_may_do_what_the_sharing_rules_allow(string role, string which, string view, string edit, string share, string delete)
    {
        var caller = which == "own" ? Owner : As(role, $"u-{role}");
        var id = which == "shared" ? _sharedWithManagers : _private;

        Assert.Equal(view, await OutcomeAsync(caller, d => d.GetAsync(caller, id, CancellationToken.None)));
        Assert.Equal(view == "ok", (await RunAsync(caller, d => d.ListAsync(caller, CancellationToken.None))).Any(s => s.Id == id));
        Assert.Equal(edit, await OutcomeAsync(caller, d => d.UpdateAsync(caller, id, new DashboardInput(Name: "Renamed"), CancellationToken.None)));
        Assert.Equal(edit, await OutcomeAsync(caller, d => d.AddWidgetAsync(caller, id,
            new WidgetInput("kpi_card", "Revenue", "order_value", Period: "30d"), CancellationToken.None)));
        Assert.Equal(share, await OutcomeAsync(caller, d => d.UpdateAsync(caller, id, new DashboardInput(SharedWith: [Roles.Dealer]), CancellationToken.None)));
        Assert.Equal(delete, await OutcomeAsync(caller, d => d.DeleteAsync(caller, id, CancellationToken.None)));
    }

    [Fact]
    public async Task Managers_operators_and_dealers_may_not_create_dashboards()
    {
        foreach (var role in new[] { Roles.Manager, Roles.Operator, Roles.Dealer })
            Assert.Equal("403", await OutcomeAsync(As(role, "u"), d => d.CreateAsync(As(role, "u"), new DashboardInput("Nope"), CancellationToken.None)));
    }

    [Fact]
    public async Task An_analyst_may_not_create_a_shared_dashboard()
    {
        Assert.Equal("403", await OutcomeAsync(Owner, d => d.CreateAsync(Owner, new DashboardInput("Shared", SharedWith: [Roles.Manager]), CancellationToken.None)));
    }

    [Fact]
    public async Task Another_tenants_dashboard_is_not_found_even_for_its_admin_role()
    {
        var other = await _host.CreateTenantAsync("other");
        var admin = other with { UserId = "u-other-admin" };
        Assert.Equal("404", await OutcomeAsync(admin, d => d.GetAsync(admin, _private, CancellationToken.None)));
        Assert.Equal("404", await OutcomeAsync(admin, d => d.DeleteAsync(admin, _private, CancellationToken.None)));
    }
}
