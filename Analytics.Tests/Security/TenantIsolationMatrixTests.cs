using System.Net;
using System.Text;
using Analytics.Core.Admin;
using Analytics.Core.Errors;
using Analytics.Core.Tenancy;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Tests.Security;

/// <summary>
/// Tenant A asks for every id of tenant B — dashboards, widgets, reports, report runs, segments, customers through
/// every API route that takes one, users and API keys through the admin services — with A's admin key and A's
/// signed-in admin: every answer is 404, no answer shows B's data, and nothing anywhere changes.
/// </summary>
public sealed class TenantIsolationMatrixTests(MatrixApp app) : IClassFixture<MatrixApp>
{
    private MatrixApp.TenantObjects A => app["alpha"];
    private MatrixApp.TenantObjects B => app["bravo"];
    private static readonly string MarkerOfB = MatrixApp.Marker("bravo");

    private static bool TakesAnId(string pattern) => pattern.Contains("{id", StringComparison.Ordinal) || pattern.Contains("{runId", StringComparison.Ordinal);

    private HttpRequestMessage Request(string method, string pattern, string path)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (RoleRouteMatrixTests.Expected.TryGetValue((method, pattern), out var row) && row.Body is not null)
            request.Content = new StringContent(row.Body(app, app.Unique()), Encoding.UTF8, "application/json");
        return request;
    }

    [Fact]
    public async Task Every_id_of_another_tenant_answers_404_to_a_key_and_a_signed_in_admin_and_nothing_changes()
    {
        using var key = app.CreateClient(A.Key());
        using var session = await app.SignInAsync("admin@alpha.example");
        var before = await SnapshotAsync();
        var wrong = new List<string>();
        var asked = 0;

        foreach (var (method, pattern) in ApiRoutes.Of(app).Where(r => TakesAnId(r.Pattern)))
        {
            var path = RoleRouteMatrixTests.Fill(pattern, A.Slug, B.Dashboard, B.Widget, B.Report, B.Run, B.Segment, B.Customer);
            foreach (var (who, client) in new[] { ("key", key), ("session", session) })
            {
                // The cookie signs in reads only; a write with it is a 401 before any id is looked at.
                if (who == "session" && method != "GET") continue;
                using var response = await client.SendAsync(Request(method, pattern, path));
                var body = await response.Content.ReadAsStringAsync();
                asked++;
                if (response.StatusCode != HttpStatusCode.NotFound) wrong.Add($"{who}: {method} {path} answered {(int)response.StatusCode}");
                if (body.Contains(MarkerOfB, StringComparison.Ordinal)) wrong.Add($"{who}: {method} {path} shows tenant B's data");
            }
        }

        // Ids of B inside a body of A: moving B's widget through A's own dashboard.
        using (var response = await key.PatchAsync($"/api/{A.Slug}/dashboards/{A.Dashboard}", new StringContent(
                   $$"""{ "widgets": [ { "id": {{B.Widget}}, "position": { "x": 6, "y": 6, "w": 3, "h": 2 } } ] }""", Encoding.UTF8, "application/json")))
        {
            asked++;
            if (response.StatusCode is not (HttpStatusCode.NotFound or HttpStatusCode.BadRequest))
                wrong.Add($"key: PATCH A's dashboard with B's widget answered {(int)response.StatusCode}");
        }

        Assert.True(wrong.Count == 0, $"{wrong.Count} of {asked}:\n" + string.Join("\n", wrong));
        var idRoutes = ApiRoutes.Of(app).Where(r => TakesAnId(r.Pattern)).ToList();
        Assert.Equal(idRoutes.Count + idRoutes.Count(r => r.Method == "GET") + 1, asked);
        Assert.True(idRoutes.Count >= 18, $"only {idRoutes.Count} routes take an id");
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task The_path_of_another_tenant_answers_404_to_a_signed_in_admin()
    {
        using var session = await app.SignInAsync("admin@alpha.example");
        var wrong = new List<string>();
        foreach (var (method, pattern) in ApiRoutes.Of(app).Where(r => r.Method == "GET" && r.Pattern.StartsWith("/api/{tenant}/", StringComparison.Ordinal)))
        {
            var path = RoleRouteMatrixTests.Fill(pattern, B.Slug, B.Dashboard, B.Widget, B.Report, B.Run, B.Segment, B.Customer);
            using var response = await session.GetAsync(path);
            if (response.StatusCode != HttpStatusCode.NotFound) wrong.Add($"{path} answered {(int)response.StatusCode}");
        }
        Assert.Empty(wrong);
    }

    [Fact]
    public async Task No_list_or_figure_of_a_tenant_shows_another_tenants_data()
    {
        using var key = app.CreateClient(A.Key());
        using var session = await app.SignInAsync("admin@alpha.example");
        var wrong = new List<string>();
        foreach (var (method, pattern) in ApiRoutes.Of(app).Where(r => r.Method == "GET" && !TakesAnId(r.Pattern)))
        {
            var row = RoleRouteMatrixTests.Expected[(method, pattern)];
            var path = pattern.Replace("{tenant}", A.Slug) + (row.Query ?? "");
            foreach (var (who, client) in new[] { ("key", key), ("session", session) })
            {
                using var response = await client.GetAsync(path);
                var body = await response.Content.ReadAsStringAsync();
                if (!response.IsSuccessStatusCode) wrong.Add($"{who}: {path} answered {(int)response.StatusCode}");
                else if (body.Contains(MarkerOfB, StringComparison.Ordinal)) wrong.Add($"{who}: {path} shows tenant B's data");
            }
        }
        // The lists do show A's own objects, so the check above looks where B's would be.
        Assert.Contains(MatrixApp.Marker("alpha"), await key.GetStringAsync($"/api/{A.Slug}/dashboards"));
        Assert.Empty(wrong);
    }

    [Fact]
    public async Task Users_and_api_keys_of_another_tenant_are_not_found_by_an_admin_and_stay_as_they_were()
    {
        var admin = new Caller(A.Tenant.Id, A.Slug, A.Users[Roles.Admin], new HashSet<string> { Roles.Admin }, CanWrite: true) { Name = "admin@alpha.example" };
        var adminOfB = new Caller(B.Tenant.Id, B.Slug, B.Users[Roles.Admin], new HashSet<string> { Roles.Admin }, CanWrite: true);
        var keysOfB = await RunAsync<KeyAdministration, IReadOnlyList<ApiKey>>(adminOfB, k => k.ListAsync(adminOfB, CancellationToken.None));
        var before = await SnapshotAsync();
        var attempts = new List<(string What, Func<Task> Act)>();
        foreach (var userId in B.Users.Values)
        {
            attempts.Add(($"role of {userId}", () => RunAsync<UserAdministration>(admin, u => u.SetRoleAsync(admin, userId, Roles.Dealer, CancellationToken.None))));
            attempts.Add(($"password of {userId}", () => RunAsync<UserAdministration>(admin, u => u.ResetPasswordAsync(admin, userId, CancellationToken.None))));
            attempts.Add(($"lock of {userId}", () => RunAsync<UserAdministration>(admin, u => u.SetLockedAsync(admin, userId, true, CancellationToken.None))));
            attempts.Add(($"removal of {userId}", () => RunAsync<UserAdministration>(admin, u => u.RemoveAsync(admin, userId, CancellationToken.None))));
        }
        foreach (var keyOfB in keysOfB)
            attempts.Add(($"revocation of key {keyOfB.Id}", () => RunAsync<KeyAdministration>(admin, k => k.RevokeAsync(admin, keyOfB.Id, CancellationToken.None))));

        var wrong = new List<string>();
        foreach (var (what, act) in attempts)
        {
            try
            {
                await act();
                wrong.Add($"{what}: done");
            }
            catch (NotFoundException)
            {
            }
            catch (Exception e)
            {
                wrong.Add($"{what}: {e.GetType().Name} {e.Message}");
            }
        }

        var team = await RunAsync<UserAdministration, IReadOnlyList<TeamMember>>(admin, u => u.ListAsync(admin, CancellationToken.None));
        var keys = await RunAsync<KeyAdministration, IReadOnlyList<ApiKey>>(admin, k => k.ListAsync(admin, CancellationToken.None));
        // A key of each role and scope, and the one the tenant was created with.
        Assert.Equal(11, keysOfB.Count);
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        Assert.DoesNotContain(team, m => m.Email.EndsWith("@bravo.example", StringComparison.Ordinal));
        Assert.DoesNotContain(keys, k => k.TenantId != A.Tenant.Id);
        Assert.Equal(before, await SnapshotAsync());
    }

    private async Task RunAsync<TService>(Caller caller, Func<TService, Task> work) where TService : notnull =>
        await RunAsync<TService, bool>(caller, async s => { await work(s); return true; });

    private async Task<T> RunAsync<TService, T>(Caller caller, Func<TService, Task<T>> work) where TService : notnull
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Use(caller.TenantId);
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    /// <summary>Every row of every table, except when A's own keys were last used, which A's requests rightly move.</summary>
    private async Task<string> SnapshotAsync()
    {
        await using var connection = await Infrastructure.TestDatabase.ConnectAsync(app.ConnectionString);
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = Infrastructure.TestDatabase.UsesPostgres
                ? "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' " +
                  "AND table_name NOT IN ('dataprotectionkeys', '__EFMigrationsHistory') ORDER BY table_name"
                : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts%' AND name <> 'DataProtectionKeys' ORDER BY name";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        }
        var snapshot = new StringBuilder();
        foreach (var table in tables)
        {
            await using var select = connection.CreateCommand();
            select.CommandText = table.Equals("ApiKeys", StringComparison.OrdinalIgnoreCase) ? $"SELECT * FROM ApiKeys WHERE TenantId <> {A.Tenant.Id} ORDER BY Id" : $"SELECT * FROM \"{table}\" ORDER BY 1";
            await using var reader = await select.ExecuteReaderAsync();
            snapshot.Append(table).Append(':');
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++) snapshot.Append(reader.IsDBNull(i) ? "null" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).Append('|');
                snapshot.Append('\n');
            }
        }
        return snapshot.ToString();
    }
}
