using Analytics.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Tests.Operations;

public sealed class DataProtectionKeysTests : IAsyncLifetime
{
    private readonly AnalyticsAppFactory _first = new();
    private SecondNode? _second;

    private sealed class SecondNode(string connectionString) : AnalyticsAppFactory
    {
        protected override IDictionary<string, string> Settings => new Dictionary<string, string>(base.Settings)
        {
            ["Database:ConnectionString"] = connectionString,
        };
    }

    public ValueTask InitializeAsync()
    {
        _second = new SecondNode(_first.ConnectionString);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (_second is not null) await _second.DisposeAsync();
        await _first.DisposeAsync();
    }

    [Fact]
    public async Task What_one_node_protects_another_node_on_the_same_database_can_read()
    {
        var protectedText = _first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("sign-in ticket");

        var readBack = _second!.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(protectedText);

        Assert.Equal("sign-in ticket", readBack);
        // Both nodes run as one OS user here, so a shared key folder would pass too: the key must be in the database.
        await using var connection = await TestDatabase.ConnectAsync(_first.ConnectionString);
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT count(*) FROM DataProtectionKeys WHERE Xml LIKE '%<key id=%'";
        Assert.Equal(1L, (long)(await count.ExecuteScalarAsync())!);
    }
}
