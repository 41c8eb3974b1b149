using Analytics.Core.Tenancy;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Analytics.Tests.Infrastructure;

/// <summary>
/// The real app on its own database (see <see cref="TestDatabase"/>) and on the suite's clock (<see cref="SuiteClock"/>);
/// the demo tenant is off unless a test asks for it.
/// </summary>
public class AnalyticsAppFactory : WebApplicationFactory<Program>
{
    private readonly TestDatabase _database = new();

    public string ConnectionString => _database.ConnectionString;

    protected virtual IDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Seed:Demo:Enabled"] = "false",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", TestDatabase.Provider);
        builder.UseSetting("Database:ConnectionString", _database.ConnectionString);
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureTestServices(services => services.Replace(ServiceDescriptor.Singleton(SuiteClock.Provider)));
    }

    /// <summary>Creates a tenant with a key of the given scope and role; returns the key's secret.</summary>
    public async Task<(Tenant Tenant, string Key)> CreateTenantAsync(string slug, ApiKeyScope scope = ApiKeyScope.Write, string role = Roles.Admin)
    {
        await using var scopeServices = Services.CreateAsyncScope();
        var tenants = scopeServices.ServiceProvider.GetRequiredService<TenantDirectory>();
        var tenant = await tenants.FindBySlugAsync(slug, CancellationToken.None) ?? await tenants.CreateAsync(slug);
        var issued = await scopeServices.ServiceProvider.GetRequiredService<ApiKeyService>()
            .CreateAsync(tenant.Id, "test", scope, role, CancellationToken.None);
        return (tenant, issued.Secret);
    }

    public HttpClient CreateClient(string key)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) _database.Dispose();
    }
}
