using Analytics.Core.Customers;
using Analytics.Core.Data;
using Analytics.Core.Errors;
using Analytics.Core.Tenancy;
using Analytics.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Tests.Core.Customers;

public sealed class CustomerDirectoryTests : IAsyncLifetime
{
    private readonly CoreHost _host = new();
    private Caller _acme = null!;

    public async ValueTask InitializeAsync() => _acme = await _host.CreateTenantAsync("acme");

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private Task<IReadOnlyList<CustomerView>> UpsertAsync(Caller caller, params CustomerProfileInput[] inputs) =>
        _host.RunAsync(caller, s => s.GetRequiredService<CustomerDirectory>().UpsertAsync(caller, inputs, CancellationToken.None));

    [Fact]
    public async Task Upserting_an_existing_external_id_updates_the_same_profile()
    {
        var first = await UpsertAsync(_acme, new CustomerProfileInput("cus_1", "Ada", "ada@example.com", "gb"));
        var second = await UpsertAsync(_acme, new CustomerProfileInput("cus_1", Email: "ada@new.example"));

        Assert.Equal(first[0].Id, second[0].Id);
        Assert.Equal("Ada", second[0].Name);
        Assert.Equal("ada@new.example", second[0].Email);
        Assert.Equal("GB", second[0].Country);
    }

    [Fact]
    public async Task The_same_external_id_in_two_tenants_is_two_customers()
    {
        var other = await _host.CreateTenantAsync("other");
        await UpsertAsync(_acme, new CustomerProfileInput("cus_1", "Acme's"));
        await UpsertAsync(other, new CustomerProfileInput("cus_1", "Other's"));

        var seen = await _host.RunAsync(_acme, s => s.GetRequiredService<AnalyticsDbContext>().Customers.Select(c => c.Name).ToListAsync());
        Assert.Equal(["Acme's"], seen);
    }

    [Fact]
    public async Task Invalid_fields_are_named_and_nothing_is_saved()
    {
        var e = await Assert.ThrowsAsync<InvalidInputException>(() => UpsertAsync(_acme,
            new CustomerProfileInput("cus_ok", "Fine"),
            new CustomerProfileInput("", Email: "not-an-email", Country: "Germany")));

        Assert.Equal(["[1].country", "[1].email", "[1].external_id"], e.Errors.Keys.Order(StringComparer.Ordinal));
        var count = await _host.RunAsync(_acme, s => s.GetRequiredService<AnalyticsDbContext>().Customers.CountAsync());
        Assert.Equal(0, count);
    }
}
