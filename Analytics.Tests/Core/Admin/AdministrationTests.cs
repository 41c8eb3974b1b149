using Analytics.Core.Admin;
using Analytics.Core.Dashboards;
using Analytics.Core.Errors;
using Analytics.Core.Tenancy;
using Analytics.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Tests.Core.Admin;

public sealed class AdministrationTests : IAsyncLifetime
{
    private readonly CoreHost _host = new();
    private Caller _admin = null!;
    private Caller _otherAdmin = null!;

    public async ValueTask InitializeAsync()
    {
        var tenant = await _host.CreateTenantAsync("acme");
        var issued = await _host.RunAsync(tenant, s => s.GetRequiredService<UserDirectory>().CreateAsync(tenant.TenantId, "boss@acme.example", Roles.Admin));
        _admin = tenant with { UserId = issued.User.Id, Name = issued.User.Email };
        var other = await _host.CreateTenantAsync("globex");
        var otherIssued = await _host.RunAsync(other, s => s.GetRequiredService<UserDirectory>().CreateAsync(other.TenantId, "boss@globex.example", Roles.Admin));
        _otherAdmin = other with { UserId = otherIssued.User.Id, Name = otherIssued.User.Email };
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private Task<T> RunAsync<T, TService>(Caller caller, Func<TService, Task<T>> work) where TService : notnull =>
        _host.RunAsync(caller, s => work(s.GetRequiredService<TService>()));

    private Task<AuditPage> AuditAsync(Caller caller, string? action = null) =>
        RunAsync<AuditPage, AuditLog>(caller, log => log.ListAsync(caller, new AuditQuery(action), CancellationToken.None));

    [Fact]
    public async Task Role_changes_are_audited_with_before_and_after_and_the_last_admin_stays()
    {
        var issued = await RunAsync<IssuedUser, UserAdministration>(_admin, u => u.CreateAsync(_admin, "ana@acme.example", Roles.Analyst, "Ana", CancellationToken.None));

        await RunAsync<bool, UserAdministration>(_admin, async u => { await u.SetRoleAsync(_admin, issued.User.Id, Roles.Manager, CancellationToken.None); return true; });
        var members = await RunAsync<IReadOnlyList<TeamMember>, UserAdministration>(_admin, u => u.ListAsync(_admin, CancellationToken.None));
        Assert.Equal(Roles.Manager, members.Single(m => m.Email == "ana@acme.example").Role);

        var entry = Assert.Single((await AuditAsync(_admin, AuditActions.UserRoleChanged)).Entries);
        Assert.Equal("boss@acme.example", entry.Actor);
        Assert.Equal("user ana@acme.example", entry.Target);
        Assert.Equal("""{"role":"analyst"}""", entry.Before);
        Assert.Equal("""{"role":"manager"}""", entry.After);

        var refused = await Assert.ThrowsAsync<UnprocessableException>(() =>
            RunAsync<bool, UserAdministration>(_admin, async u => { await u.SetRoleAsync(_admin, _admin.UserId!, Roles.Analyst, CancellationToken.None); return true; }));
        Assert.Contains("last admin", refused.Message);
    }

    [Fact]
    public async Task Another_tenants_user_and_key_are_not_found_and_non_admins_are_refused()
    {
        var key = await RunAsync<IssuedApiKey, KeyAdministration>(_otherAdmin, k => k.CreateAsync(_otherAdmin, "erp", ApiKeyScope.Write, Roles.Admin, null, CancellationToken.None));

        await Assert.ThrowsAsync<NotFoundException>(() =>
            RunAsync<bool, UserAdministration>(_admin, async u => { await u.SetLockedAsync(_admin, _otherAdmin.UserId!, true, CancellationToken.None); return true; }));
        await Assert.ThrowsAsync<NotFoundException>(() =>
            RunAsync<bool, KeyAdministration>(_admin, async k => { await k.RevokeAsync(_admin, key.Key.Id, CancellationToken.None); return true; }));
        var analyst = _admin with { Roles = new HashSet<string> { Roles.Analyst } };
        await Assert.ThrowsAsync<ForbiddenException>(() => RunAsync<IReadOnlyList<TeamMember>, UserAdministration>(analyst, u => u.ListAsync(analyst, CancellationToken.None)));
        await Assert.ThrowsAsync<ForbiddenException>(() => AuditAsync(analyst));
        Assert.Empty((await AuditAsync(_admin)).Entries);
    }

    [Fact]
    public async Task A_created_key_works_until_revoked_and_both_are_audited()
    {
        var issued = await RunAsync<IssuedApiKey, KeyAdministration>(_admin, k => k.CreateAsync(_admin, "warehouse", ApiKeyScope.Read, Roles.Manager, _host.Clock.GetUtcNow().UtcDateTime.AddDays(30), CancellationToken.None));
        Assert.NotNull(await RunAsync<ApiKey?, ApiKeyService>(_admin, k => k.AuthenticateAsync(issued.Secret, CancellationToken.None)));

        await RunAsync<bool, KeyAdministration>(_admin, async k => { await k.RevokeAsync(_admin, issued.Key.Id, CancellationToken.None); return true; });

        Assert.Null(await RunAsync<ApiKey?, ApiKeyService>(_admin, k => k.AuthenticateAsync(issued.Secret, CancellationToken.None)));
        Assert.Equal([AuditActions.ApiKeyRevoked, AuditActions.ApiKeyCreated], (await AuditAsync(_admin)).Entries.Select(e => e.Action));
        var listed = Assert.Single(await RunAsync<IReadOnlyList<ApiKey>, KeyAdministration>(_admin, k => k.ListAsync(_admin, CancellationToken.None)));
        Assert.DoesNotContain(issued.Secret, listed.Hash);
        Assert.NotNull(listed.RevokedAt);
    }

    [Fact]
    public async Task Bad_key_input_names_each_field_and_writes_nothing()
    {
        var e = await Assert.ThrowsAsync<InvalidInputException>(() => RunAsync<IssuedApiKey, KeyAdministration>(_admin,
            k => k.CreateAsync(_admin, " ", ApiKeyScope.Read, "root", _host.Clock.GetUtcNow().UtcDateTime.AddDays(-1), CancellationToken.None)));

        Assert.Equal(["expires_at", "name", "role"], e.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(0, await _host.CountRowsAsync("ApiKeys"));
        Assert.Equal(0, await _host.CountRowsAsync("AuditEntries"));
    }

    [Fact]
    public async Task Settings_are_validated_and_a_change_is_audited_once()
    {
        var e = await Assert.ThrowsAsync<InvalidInputException>(() => RunAsync<TenantSettings, TenantSettingsService>(_admin,
            s => s.UpdateAsync(_admin, new TenantSettings("", "Mars/Olympus", "xxx"), CancellationToken.None)));
        Assert.Equal(["currency", "name", "time_zone"], e.Errors.Keys.Order(StringComparer.Ordinal));

        var saved = await RunAsync<TenantSettings, TenantSettingsService>(_admin, s => s.UpdateAsync(_admin, new TenantSettings("Acme Ltd", "Europe/Berlin", "EUR"), CancellationToken.None));
        await RunAsync<TenantSettings, TenantSettingsService>(_admin, s => s.UpdateAsync(_admin, saved, CancellationToken.None));

        Assert.Equal(new TenantSettings("Acme Ltd", "Europe/Berlin", "eur"), saved);
        var entry = Assert.Single((await AuditAsync(_admin)).Entries);
        Assert.Equal(AuditActions.SettingsChanged, entry.Action);
        Assert.Contains("\"time_zone\":\"UTC\"", entry.Before);
        Assert.Contains("\"time_zone\":\"Europe/Berlin\"", entry.After);
    }

    [Fact]
    public async Task Sharing_changes_and_deletions_of_dashboards_are_audited()
    {
        var view = await RunAsync<DashboardView, DashboardService>(_admin, d => d.CreateAsync(_admin, new DashboardInput("Ops"), CancellationToken.None));
        var id = view.Dashboard.Id;
        await RunAsync<DashboardView, DashboardService>(_admin, d => d.UpdateAsync(_admin, id, new DashboardInput(SharedWith: [Roles.Manager]), CancellationToken.None));
        await RunAsync<DashboardView, DashboardService>(_admin, d => d.UpdateAsync(_admin, id, new DashboardInput(Name: "Ops 2", SharedWith: [Roles.Manager]), CancellationToken.None));
        await RunAsync<bool, DashboardService>(_admin, async d => { await d.DeleteAsync(_admin, id, CancellationToken.None); return true; });

        var entries = (await AuditAsync(_admin)).Entries;
        Assert.Equal([AuditActions.DashboardDeleted, AuditActions.DashboardSharingChanged], entries.Select(e => e.Action));
        Assert.Equal("""{"shared_with":["manager"]}""", entries[1].After);
    }

    [Fact]
    public async Task Report_definitions_created_changed_and_deleted_are_audited()
    {
        var created = await RunAsync<Analytics.Core.Reports.ReportView, Analytics.Core.Reports.ReportService>(_admin, r => r.CreateAsync(_admin,
            new Analytics.Core.Reports.ReportInput("Weekly ops", ["fulfillment"], Format: "csv", Schedule: new("weekly", Day: "monday", Time: "08:00")), CancellationToken.None));
        var id = created.Definition.Id;
        await RunAsync<Analytics.Core.Reports.ReportView, Analytics.Core.Reports.ReportService>(_admin, r => r.UpdateAsync(_admin, id,
            new Analytics.Core.Reports.ReportInput("Weekly ops", ["fulfillment"], Format: "pdf", Schedule: new("weekly", Day: "monday", Time: "08:00")), CancellationToken.None));
        await RunAsync<bool, Analytics.Core.Reports.ReportService>(_admin, async r => { await r.DeleteAsync(_admin, id, CancellationToken.None); return true; });

        var entries = (await AuditAsync(_admin)).Entries;
        Assert.Equal([AuditActions.ReportDeleted, AuditActions.ReportChanged, AuditActions.ReportCreated], entries.Select(e => e.Action));
        Assert.Contains("\"format\":\"csv\"", entries[1].Before);
        Assert.Contains("\"format\":\"pdf\"", entries[1].After);
        Assert.Equal($"report {id} \"Weekly ops\"", entries[0].Target);
    }

    [Fact]
    public async Task Removing_a_user_hands_their_dashboards_to_the_admin()
    {
        var issued = await RunAsync<IssuedUser, UserAdministration>(_admin, u => u.CreateAsync(_admin, "leaver@acme.example", Roles.Analyst, null, CancellationToken.None));
        var leaver = _admin with { UserId = issued.User.Id, Roles = new HashSet<string> { Roles.Analyst } };
        var view = await RunAsync<DashboardView, DashboardService>(leaver, d => d.CreateAsync(leaver, new DashboardInput("Mine"), CancellationToken.None));

        await RunAsync<bool, UserAdministration>(_admin, async u => { await u.RemoveAsync(_admin, issued.User.Id, CancellationToken.None); return true; });

        var kept = await RunAsync<DashboardView, DashboardService>(_admin, d => d.GetAsync(_admin, view.Dashboard.Id, CancellationToken.None));
        Assert.Equal(_admin.UserId, kept.Dashboard.OwnerId);
        Assert.DoesNotContain(await RunAsync<IReadOnlyList<TeamMember>, UserAdministration>(_admin, u => u.ListAsync(_admin, CancellationToken.None)), m => m.Email == "leaver@acme.example");
    }
}
