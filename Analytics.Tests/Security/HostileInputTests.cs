using System.Net;
using System.Net.Http.Json;
using System.Text;
using Analytics.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Data.Sqlite;

namespace Analytics.Tests.Security;

/// <summary>
/// Every API route that takes a body, found from the endpoint table, gets hostile bodies. Each must be answered with
/// a ProblemDetails refusal (never a success, never a server error) and leave every table as it was.
/// </summary>
public sealed class HostileInputTests(AnalyticsAppFactory app) : IClassFixture<AnalyticsAppFactory>
{
    public static TheoryData<string, string> Bodies => new()
    {
        { "malformed JSON", "{\"name\": \"x\", " },
        { "wrong types", "{\"name\": 42, \"value\": \"many\", \"module\": [], \"widgets\": \"all\", \"format\": 3, \"email\": {}}" },
        { "deep nesting", new string('[', 200) + new string(']', 200) },
        { "unknown fields", "{\"is_admin\": true, \"tenant_id\": 2, \"__proto__\": {}}" },
        { "huge string", "{\"name\": \"" + new string('x', 300_000) + "\"}" },
        { "SQL and script", "{\"name\": \"x'); DROP TABLE Tenants; --\", \"title\": \"<script>alert(1)</script>\", \"module\": \"../../etc/passwd\"}" },
        { "not JSON", "name=x&value=1" },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task Hostile_bodies_are_refused_with_problem_details_and_change_nothing(string kind, string body)
    {
        var (_, key) = await app.CreateTenantAsync("hostile");
        var client = app.CreateClient(key);
        var before = await RowCountsAsync();
        var wrong = new List<string>();

        foreach (var (method, pattern) in WriteRoutes())
        {
            var path = ApiRoutes.Fill(pattern, "hostile");
            using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            using var response = await client.SendAsync(request);
            var status = (int)response.StatusCode;
            if (status is not (400 or 404 or 413 or 415 or 422)) { wrong.Add($"{method} {pattern}: {status}"); continue; }
            if (response.Content.Headers.ContentType?.MediaType != "application/problem+json") { wrong.Add($"{method} {pattern}: {status} without ProblemDetails"); continue; }
            var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
            if (problem?.Status != status) wrong.Add($"{method} {pattern}: ProblemDetails status {problem?.Status} for {status}");
        }

        Assert.True(wrong.Count == 0, $"{kind}: {string.Join("; ", wrong)}");
        Assert.Equal(before, await RowCountsAsync());
    }

    private IEnumerable<(string Method, string Pattern)> WriteRoutes() =>
        ApiRoutes.Of(app).Where(r => r.Method is "POST" or "PUT" or "PATCH");

    /// <summary>Rows of every table, so a refused request that wrote anything anywhere shows up.</summary>
    private async Task<string> RowCountsAsync()
    {
        await using var connection = await TestDatabase.ConnectAsync(app.ConnectionString);
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = TestDatabase.UsesPostgres
                ? "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'dataprotectionkeys' ORDER BY table_name"
                : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'DataProtectionKeys' ORDER BY name";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        }
        var counts = new StringBuilder();
        foreach (var table in tables)
        {
            await using var count = connection.CreateCommand();
            count.CommandText = $"SELECT count(*) FROM \"{table}\"";
            counts.Append(table).Append('=').Append(await count.ExecuteScalarAsync()).Append(' ');
        }
        return counts.ToString();
    }
}
