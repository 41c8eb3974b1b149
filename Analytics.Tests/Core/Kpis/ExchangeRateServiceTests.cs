using Analytics.Core.Errors;
using Analytics.Core.Kpis;
using Analytics.Core.Tenancy;
using Analytics.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Tests.Core.Kpis;

public sealed class ExchangeRateServiceTests : IAsyncLifetime
{
    private readonly CoreHost _host = new();
    private Caller _admin = null!;
    private Caller _other = null!;

    public async ValueTask InitializeAsync()
    {
        _admin = await _host.CreateTenantAsync("acme");
        _other = await _host.CreateTenantAsync("globex");
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private Task<ExchangeRates> SetAsync(Caller caller, params ExchangeRateInput[] rates) =>
        _host.RunAsync(caller, s => s.GetRequiredService<ExchangeRateService>().SetAsync(caller, rates, CancellationToken.None));

    [Fact]
    public async Task An_admin_sets_rates_and_the_tenant_currency_stays_one()
    {
        await SetAsync(_admin, new ExchangeRateInput("EUR", 0.9m), new ExchangeRateInput("gbp", 0.8m));
        var rates = await SetAsync(_admin, new ExchangeRateInput("eur", 0.92m));

        Assert.Equal("usd", rates.BaseCurrency);
        Assert.Equal(new Dictionary<string, decimal> { ["eur"] = 0.92m, ["gbp"] = 0.8m, ["usd"] = 1m }, rates.Rates);
        var theirs = await _host.RunAsync(_other, s => s.GetRequiredService<ExchangeRateService>().GetAsync(_other, CancellationToken.None));
        // A tenant that set none converts with the installation's defaults.
        Assert.Null(theirs.UpdatedAt);
        Assert.Equal(new ExchangeRateOptions().Rates.Keys.Order(), theirs.Rates.Keys.Order());
        Assert.Equal(0.79m, theirs.Rates["gbp"]);
    }

    [Fact]
    public async Task Bad_rates_are_refused_whole_and_only_admins_set_them()
    {
        var invalid = await Assert.ThrowsAsync<InvalidInputException>(() => SetAsync(_admin, new ExchangeRateInput("eur", 0.9m), new ExchangeRateInput("euro", 1m), new ExchangeRateInput("gbp", -1m), new ExchangeRateInput("usd", 2m)));
        Assert.Equal(["rates[1].currency", "rates[2].rate", "rates[3].currency"], invalid.Errors.Keys.Order());
        Assert.Equal(0, await _host.CountRowsAsync("ExchangeRates"));

        var analyst = _admin with { Roles = new HashSet<string> { Roles.Analyst } };
        await Assert.ThrowsAsync<ForbiddenException>(() => SetAsync(analyst, new ExchangeRateInput("eur", 0.9m)));
    }
}
