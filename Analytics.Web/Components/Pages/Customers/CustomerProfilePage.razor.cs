using System.Globalization;
using Analytics.Core.Customers;
using Analytics.Core.Errors;
using Analytics.Core.Metrics;
using Analytics.Web.Components.Layout;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using Microsoft.JSInterop;

namespace Analytics.Web.Components.Pages.Customers;

/// <summary>One customer: LTV, engagement gauge, segments, revenue by month and the activity timeline with infinite scroll.</summary>
public partial class CustomerProfilePage
{
    public const int PageSize = 30;

    [Parameter] public string Id { get; set; } = "";
    [Inject] public required IJSRuntime JS { get; init; }
    [Inject] public required TimeProvider Clock { get; init; }
    [CascadingParameter] public ChartPalette? Palette { get; set; }

    private CustomerDetail? _detail;
    private MetricSeries _revenue = null!;
    private readonly List<TimelineEntry> _timeline = [];
    private string? _cursor;
    private string? _module;
    private string? _error;
    private bool _loadingMore;
    // Bumped whenever the timeline starts over: an answer for an older start (the parameters set again while a load
    // still reads, another module chosen) is dropped instead of appended.
    private int _generation;
    private int _keptDays = 730;
    private IReadOnlyList<string> _modules = Analytics.Core.Metrics.Modules.All;
    private ElementReference _sentinel;
    private IJSObjectReference? _scroll;
    private DotNetObjectReference<CustomerProfilePage>? _self;
    private bool _observing;
    private (int, ChartPalette?, object?) _gauge;

    protected override async Task OnParametersSetAsync()
    {
        if (!RendererInfo.IsInteractive) return;
        try
        {
            _keptDays = (int)ScopedServices.GetRequiredService<IOptions<CustomerOptions>>().Value.ActivityRetention.TotalDays;
            var generation = ++_generation;
            var detail = await InOwnScopeAsync<CustomerDirectory, CustomerDetail>((caller, customers) => customers.DetailAsync(caller, Id, CancellationToken.None));
            _modules = await InOwnScopeAsync<Analytics.Core.Metrics.ModuleDirectory, IReadOnlyList<string>>((caller, modules) => modules.NamesAsync(caller.TenantId, CancellationToken.None));
            if (generation != _generation) return;
            _detail = detail;
            _revenue = RevenueSeries(_detail);
            _timeline.Clear();
            _cursor = null;
            await LoadPageAsync();
        }
        catch (AnalyticsException e)
        {
            _error = e is NotFoundException ? "No such customer." : e.Message;
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        // The sentinel exists from the first render that shows the profile; an earlier render's callback may run after
        // the profile arrived but before that render, with no element to observe yet.
        if (_detail is null || _observing || string.IsNullOrEmpty(_sentinel.Id)) return;
        try
        {
            _scroll ??= await JS.InvokeAsync<IJSObjectReference>("import", "./lib/analytics/timeline.js");
            _self ??= DotNetObjectReference.Create(this);
            await _scroll.InvokeVoidAsync("observe", _sentinel, _self);
            _observing = true;
        }
        catch (JSDisconnectedException)
        {
        }
    }

    /// <summary>Called by the scroll observer when the end of the list comes into view, and by the button.</summary>
    [JSInvokable]
    public async Task LoadMoreAsync()
    {
        if (_loadingMore || _cursor is null) return;
        await LoadPageAsync();
        StateHasChanged();
    }

    private async Task LoadPageAsync()
    {
        _loadingMore = true;
        var generation = _generation;
        try
        {
            var id = _detail!.Profile.Id.ToString(CultureInfo.InvariantCulture);
            var page = await InOwnScopeAsync<CustomerDirectory, TimelinePage>((caller, customers) => customers.TimelineAsync(caller, id, _module, _cursor, PageSize, CancellationToken.None));
            if (generation != _generation) return;
            _timeline.AddRange(page.Items);
            _cursor = page.NextCursor;
        }
        catch (AnalyticsException e)
        {
            Snackbar.Add(e.Message, MudBlazor.Severity.Error);
            _cursor = null;
        }
        finally
        {
            if (generation == _generation) _loadingMore = false;
        }
    }

    private async Task ModuleAsync(string? module)
    {
        _module = module;
        _generation++;
        _timeline.Clear();
        _cursor = null;
        await LoadPageAsync();
    }

    private object GaugeOptions(int score)
    {
        if (_gauge.Item1 == score && ReferenceEquals(_gauge.Item2, Palette) && _gauge.Item3 is { } cached) return cached;
        var palette = Palette!;
        var color = score >= 70 ? palette.Good : score >= 40 ? palette.Series[0] : palette.Bad;
        var options = new
        {
            valueFormat = "score",
            chart = new { type = "radialBar", height = 190, foreColor = palette.MutedText },
            theme = new { mode = palette.Dark ? "dark" : "light" },
            colors = new[] { color },
            series = new[] { score },
            labels = new[] { "of 100" },
            plotOptions = new
            {
                radialBar = new
                {
                    startAngle = -120,
                    endAngle = 120,
                    hollow = new { size = "62%" },
                    track = new { background = palette.Grid },
                    dataLabels = new
                    {
                        name = new { offsetY = 22, color = palette.MutedText, fontSize = "12px" },
                        value = new { offsetY = -12, color = palette.Text, fontSize = "30px", fontWeight = 600 },
                    },
                },
            },
        };
        _gauge = (score, palette, options);
        return options;
    }

    private MetricSeries RevenueSeries(CustomerDetail detail)
    {
        var months = detail.RevenueByMonth;
        var from = months.Count > 0 ? months[0].StartUtc : Clock.GetUtcNow().UtcDateTime;
        var to = months.Count > 0 ? months[^1].StartUtc.AddMonths(1) : from;
        var points = months.Select(m => new MetricPoint(m.Month, m.StartUtc, (double)m.Value, m.Value == 0 ? 0 : 1)).ToList();
        var total = (double)months.Sum(m => m.Value);
        var count = points.Count(p => p.Count > 0);
        return new MetricSeries(new MetricQuery("revenue", from, to, MetricGrouping.Month), points, new MetricSummary(total, count, count == 0 ? 0 : total / count), MetricTier.Customers);
    }

    /// <summary>An event's value: an amount in its own currency ("€49.90"), else the number.</summary>
    private static string Value(TimelineEntry e) => e.Dimensions.TryGetValue("currency", out var currency)
        ? FigureFormat.Money(currency).Full(e.Value)
        : FigureFormat.Plain.Full(e.Value);

    private static string Dimensions(TimelineEntry e)
    {
        var shown = e.Dimensions.Where(d => d.Key is not ("currency" or "country")).Take(3).Select(d => $"{d.Key}: {d.Value}").ToList();
        return shown.Count == 0 ? "" : " · " + string.Join(", ", shown);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_scroll is not null)
            {
                if (_observing) await _scroll.InvokeVoidAsync("unobserve", _sentinel);
                await _scroll.DisposeAsync();
            }
        }
        catch (JSDisconnectedException)
        {
        }
        _self?.Dispose();
        GC.SuppressFinalize(this);
    }
}
