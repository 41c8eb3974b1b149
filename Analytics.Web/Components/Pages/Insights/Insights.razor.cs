using System.Globalization;
using Analytics.Core.Errors;
using Analytics.Core.Insights;
using Analytics.Core.Kpis;
using Analytics.Core.Metrics;
using Analytics.Core.Tenancy;
using Microsoft.AspNetCore.Components;

namespace Analytics.Web.Components.Pages.Insights;

/// <summary>Business KPIs per area, the forecast and the anomalies, all from the Core services the API uses.</summary>
public partial class Insights
{
    [Inject] public required TimeProvider Clock { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }

    /// <summary>Opens a tab by name, e.g. <c>/insights?tab=anomalies</c>.</summary>
    [SupplyParameterFromQuery(Name = "tab")] public string? TabParameter { get; set; }

    public static readonly IReadOnlyList<(string Key, string Label)> Tabs =
    [
        ("revenue", "Revenue"), ("sales", "Sales"), ("products", "Products"), ("customers", "Customers"), ("inventory", "Inventory"),
        ("hr", "HR"), ("support", "Support"), ("marketing", "Marketing"), ("forecast", "Forecast"), ("anomalies", "Anomalies"), ("currencies", "Currencies"),
    ];

    public static readonly IReadOnlyList<(string Period, string Label)> Periods =
        [("30d", "Last 30 days"), ("90d", "Last 90 days"), ("qtd", "Quarter to date"), ("ytd", "Year to date"), ("12m", "Last 12 months")];

    private int _tab;
    private string _period = "90d";
    private string _groupBy = "week";
    private string _currency = "";
    private IReadOnlyList<string> _currencies = [];
    private bool _canRead = true;
    private bool _isAdmin;
    private bool _loading;
    private string? _error;
    private object? _report;
    private readonly Dictionary<string, object> _reports = [];

    // Forecast and anomaly controls.
    private string _forecastMetric = "revenue";
    private string _granularity = "month";
    private int _forecastPeriods = 6;
    private string? _severity = "medium";
    private string? _anomalyMetric;
    private IReadOnlyList<string> _metrics = [];
    private bool _detecting;

    private string TabKey => Tabs[_tab].Key;

    protected override async Task OnInitializedAsync()
    {
        if (!RendererInfo.IsInteractive) return;
        var (caller, rates) = await ResolveAsync<ExchangeRateService>();
        _canRead = KpiAccess.CanRead(caller);
        _isAdmin = caller.IsInRole(Roles.Admin);
        if (!_canRead) return;
        var known = await rates.GetAsync(caller, CancellationToken.None);
        _currencies = known.Currencies.ToList();
        _currency = known.BaseCurrency;
        _metrics = (await ScopedServices.GetRequiredService<MetricQueryService>().CatalogAsync(caller, CancellationToken.None)).Select(c => c.Name).Order().ToList();
        var index = Tabs.ToList().FindIndex(t => t.Key == TabParameter);
        _tab = index < 0 ? 0 : index;
        await LoadAsync();
    }

    private async Task SelectTabAsync(int index)
    {
        _tab = index;
        Navigation.NavigateTo($"insights?tab={TabKey}", replace: true);
        await LoadAsync();
    }

    private async Task ChangeAsync(Action change)
    {
        change();
        _reports.Clear();
        await LoadAsync();
    }

    /// <summary>Loads the open tab's figures once per choice of range, grouping and currency.</summary>
    private async Task LoadAsync()
    {
        if (!_canRead) return;
        var key = TabKey;
        if (key == "currencies") return;
        var cacheKey = key is "forecast" ? $"forecast:{_forecastMetric}:{_granularity}:{_forecastPeriods}:{_currency}"
            : key is "anomalies" ? $"anomalies:{_severity}:{_anomalyMetric}" : key;
        if (_reports.TryGetValue(cacheKey, out var cached))
        {
            _report = cached;
            _error = null;
            return;
        }
        _loading = true;
        _error = null;
        _report = null;
        StateHasChanged();
        try
        {
            var report = await InOwnScopeAsync<object>(async (caller, services) =>
            {
                var request = await RequestAsync(caller, services);
                var ct = CancellationToken.None;
                T S<T>() where T : notnull => services.GetRequiredService<T>();
                return key switch
                {
                    "revenue" => await S<RevenueKpis>().GetAsync(caller, request, ct),
                    "sales" => await S<SalesKpis>().GetAsync(caller, request, ct),
                    "products" => await S<ProductKpis>().GetAsync(caller, request, ct),
                    "customers" => await S<CustomerKpis>().GetAsync(caller, request, ct),
                    "inventory" => await S<InventoryKpis>().GetAsync(caller, request, ct),
                    "hr" => await S<HrKpis>().GetAsync(caller, request, ct),
                    "support" => await S<SupportKpis>().GetAsync(caller, request, ct),
                    "marketing" => await S<MarketingKpis>().GetAsync(caller, request, ct),
                    "forecast" => await S<ForecastService>().GetAsync(caller,
                        new ForecastRequest(_forecastPeriods.ToString(CultureInfo.InvariantCulture), _granularity, _forecastMetric, _currency), ct),
                    _ => (object)await S<AnomalyService>().ListAsync(caller, new AnomalyQuery(_severity, _anomalyMetric), ct),
                };
            });
            if (TabKey == key)
            {
                _reports[cacheKey] = report;
                _report = report;
            }
        }
        catch (AnalyticsException e)
        {
            _error = e is InvalidInputException invalid ? string.Join(" ", invalid.Errors.SelectMany(x => x.Value)) : e.Message;
        }
        finally
        {
            _loading = false;
        }
    }

    /// <summary>The chosen range as tenant-local dates, both included.</summary>
    private async Task<KpiRequest> RequestAsync(Caller caller, IServiceProvider services)
    {
        var tenant = await services.GetRequiredService<TenantDirectory>().GetAsync(caller.TenantId, CancellationToken.None);
        var (from, to) = MetricPeriod.Resolve(_period, tenant.Zone, Clock.GetUtcNow().UtcDateTime);
        string Day(DateTime utc) => TimeBuckets.ToLocal(utc, tenant.Zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new KpiRequest(Day(from), Day(to.AddDays(-1)), _groupBy, _currency);
    }

    private async Task DetectAsync()
    {
        _detecting = true;
        var ok = await TryAsync<AnomalyService>(async (caller, anomalies) =>
        {
            var found = await anomalies.DetectAsync(caller, CancellationToken.None);
            Snackbar.Add(found.Count == 0 ? "No new anomalies." : $"{found.Count} new anomalies found.", MudBlazor.Severity.Info);
        });
        _detecting = false;
        if (ok)
        {
            _reports.Clear();
            await LoadAsync();
        }
    }

    /// <summary>The metric in the explorer, over a range that holds the day.</summary>
    public static string ExploreLink(Anomaly anomaly, DateOnly today)
    {
        var age = today.DayNumber - anomaly.Day.DayNumber;
        var period = age < 30 ? "30d" : age < 90 ? "90d" : "12m";
        // The explorer adds the metric up by its definition, as the anomaly was found.
        return $"explore?metric={Uri.EscapeDataString(anomaly.Metric)}&groupBy=day&period={period}";
    }

    private DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);

    private static MudBlazor.Color SeverityColor(AnomalySeverity severity) => severity switch
    {
        AnomalySeverity.High => MudBlazor.Color.Error,
        AnomalySeverity.Medium => MudBlazor.Color.Warning,
        _ => MudBlazor.Color.Info,
    };
}
