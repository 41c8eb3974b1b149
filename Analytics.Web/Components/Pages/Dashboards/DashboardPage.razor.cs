using System.Globalization;
using Analytics.Core.Dashboards;
using Analytics.Core.Errors;
using Analytics.Core.Metrics;
using Analytics.Web.Components.Dashboards;
using Analytics.Web.Components.Dialogs;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace Analytics.Web.Components.Pages.Dashboards;

/// <summary>One dashboard: its grid, the time range in the URL, edit mode and live updates from the change feed.</summary>
public partial class DashboardPage
{
    [Inject] public required NavigationManager Navigation { get; init; }
    [Inject] public required IDialogService Dialogs { get; init; }
    [Inject] public required IJSRuntime JS { get; init; }
    [Inject] public required IMetricChangeFeed Changes { get; init; }

    [Parameter] public long Id { get; set; }

    [SupplyParameterFromQuery(Name = "range")] public string? RangeParameter { get; set; }
    [SupplyParameterFromQuery(Name = "from")] public string? FromParameter { get; set; }
    [SupplyParameterFromQuery(Name = "to")] public string? ToParameter { get; set; }

    private DashboardView? _view;
    private string? _missing;
    private DashboardRange? _range;
    private bool _editing;
    private ElementReference _page;
    private IDisposable? _subscription;
    private long? _loadedId;
    private readonly Dictionary<string, int> _versions = [];
    private int _refreshes;
    private string? _tenantSlug;

    // Only adding or removing widgets changes the key, not their order, so moves do not make gridstack re-read the DOM.
    private string ItemsKey => _view is null ? "" : string.Join(',', _view.Dashboard.Widgets.Select(w => w.Id).Order());

    /// <summary>The dashboard's PDF for the time range on screen; a plain link, as the signed-in cookie authorizes GETs.</summary>
    private string PdfHref
    {
        get
        {
            var path = $"/api/{Uri.EscapeDataString(_tenantSlug ?? "")}/dashboards/{Id.ToString(CultureInfo.InvariantCulture)}/pdf";
            if (_range is null) return path;
            var query = $"?range={Uri.EscapeDataString(_range.Period)}";
            if (_range.From is { } from && _range.To is { } to)
                query += $"&from={from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}&to={to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
            return path + query;
        }
    }

    private int VersionOf(Widget widget) => _refreshes + _versions.GetValueOrDefault(widget.Metric);

    protected override async Task OnParametersSetAsync()
    {
        _range = ParseRange();
        if (_loadedId == Id) return;
        _loadedId = Id;
        _missing = null;
        try
        {
            var (caller, dashboards) = await ResolveAsync<DashboardService>();
            _view = await dashboards.GetAsync(caller, Id, CancellationToken.None);
            _tenantSlug = caller.TenantSlug;
            _subscription?.Dispose();
            _subscription = Changes.Subscribe(caller.TenantId, OnMetricsChanged);
        }
        catch (NotFoundException)
        {
            _view = null;
            _missing = "This dashboard does not exist, or it is not shared with you.";
        }
    }

    /// <summary>New events: reload just the widgets that read those metrics; the feed already limits this to once a second.</summary>
    private Task OnMetricsChanged(MetricChange change) => InvokeAsync(() =>
    {
        if (_view is null) return;
        var touched = false;
        foreach (var metric in _view.Dashboard.Widgets.Select(w => w.Metric).Distinct().Where(change.Names.Contains))
        {
            _versions[metric] = _versions.GetValueOrDefault(metric) + 1;
            touched = true;
        }
        if (touched) StateHasChanged();
    });

    private DashboardRange? ParseRange()
    {
        if (RangeParameter is null) return null;
        if (RangeParameter == "custom")
            return DateOnly.TryParseExact(FromParameter, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
                && DateOnly.TryParseExact(ToParameter, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to) && from <= to
                ? new DashboardRange("custom", from, to) : null;
        return DashboardRange.Presets.Any(p => p.Period == RangeParameter) ? new DashboardRange(RangeParameter) : null;
    }

    /// <summary>The range lives in the URL, so a link opens the same view.</summary>
    private void ChangeRange(DashboardRange? range)
    {
        var parameters = new Dictionary<string, object?>
        {
            ["range"] = range?.Period,
            ["from"] = range?.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["to"] = range?.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(parameters), replace: true);
    }

    private void Refresh() => _refreshes++;

    private async Task FullScreenAsync()
    {
        await using var module = await JS.InvokeAsync<IJSObjectReference>("import", "./lib/analytics/page.js");
        await module.InvokeVoidAsync("toggleFullscreen", _page);
    }

    private void ToggleEditing() => _editing = !_editing;

    private async Task SaveLayoutAsync(IReadOnlyList<GridPosition> items)
    {
        if (_view is null) return;
        var moves = items.Select(i => new WidgetInput(Id: long.Parse(i.Id, CultureInfo.InvariantCulture), Position: new WidgetPosition(i.X, i.Y, i.W, i.H))).ToList();
        await TryAsync<DashboardService>(async (caller, dashboards) => _view = await dashboards.UpdateAsync(caller, Id, new DashboardInput(Widgets: moves), CancellationToken.None));
    }

    private async Task AddWidgetAsync()
    {
        var saved = await WidgetEditorDialog.ShowAsync(Dialogs, Id, widget: null);
        if (saved) await ReloadAsync();
    }

    private async Task EditWidgetAsync(Widget widget)
    {
        var saved = await WidgetEditorDialog.ShowAsync(Dialogs, Id, widget);
        if (saved) await ReloadAsync();
    }

    private async Task DeleteWidgetAsync(Widget widget)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync("Remove widget", $"Remove “{widget.Title}” from this dashboard?", yesText: "Remove", cancelText: "Cancel");
        if (confirmed != true) return;
        await TryAsync<DashboardService>((caller, dashboards) => dashboards.DeleteWidgetAsync(caller, widget.Id, CancellationToken.None));
        await ReloadAsync();
    }

    private async Task ReloadAsync() =>
        await TryAsync<DashboardService>(async (caller, dashboards) => _view = await dashboards.GetAsync(caller, Id, CancellationToken.None));


    protected override void Dispose(bool disposing)
    {
        if (disposing) _subscription?.Dispose();
        base.Dispose(disposing);
    }
}
