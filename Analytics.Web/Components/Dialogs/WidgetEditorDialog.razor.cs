using System.Globalization;
using Analytics.Core.Dashboards;
using Analytics.Core.Errors;
using Analytics.Core.Metrics;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Analytics.Web.Components.Dialogs;

/// <summary>Adds or edits a widget: every field of seed 004's widget, with a live preview and the server's field errors.</summary>
public partial class WidgetEditorDialog
{
    [CascadingParameter] public required IMudDialogInstance Dialog { get; set; }

    [Parameter] public long DashboardId { get; set; }
    [Parameter] public Widget? Widget { get; set; }

    private sealed class Draft
    {
        public string Type { get; set; } = WidgetTypes.LineChart;
        public string Title { get; set; } = "";
        public string? Metric { get; set; }
        public string? Module { get; set; }
        public string Agg { get; set; } = "sum";
        public string Period { get; set; } = "30d";
        public string GroupBy { get; set; } = "day";
        public string? By { get; set; }
        public string FilterText { get; set; } = "";
        public bool HigherIsBetter { get; set; } = true;
    }

    private Draft _draft = new();
    private IReadOnlyList<MetricCatalogEntry> _catalog = [];
    private Dictionary<string, string> _errors = [];
    private bool _saving;
    private Widget? _preview;
    private string? _previewKey;

    public static async Task<bool> ShowAsync(IDialogService dialogs, long dashboardId, Widget? widget)
    {
        var parameters = new DialogParameters<WidgetEditorDialog> { { d => d.DashboardId, dashboardId }, { d => d.Widget, widget } };
        var options = new DialogOptions { MaxWidth = MaxWidth.Large, FullWidth = true, CloseOnEscapeKey = true };
        var dialog = await dialogs.ShowAsync<WidgetEditorDialog>(widget is null ? "Add widget" : "Edit widget", parameters, options);
        var result = await dialog.Result;
        return result is { Canceled: false };
    }

    protected override async Task OnInitializedAsync()
    {
        if (Widget is { } w)
        {
            _draft = new Draft
            {
                Type = w.Type, Title = w.Title, Metric = w.Metric, Module = w.Module, Agg = w.Agg, Period = w.Period, GroupBy = w.GroupBy,
                By = w.By, FilterText = string.Join(", ", w.Filters.Select(f => $"{f.Key}={f.Value}")), HigherIsBetter = w.HigherIsBetter,
            };
        }
        if (!RendererInfo.IsInteractive) return;
        var (caller, metrics) = await ResolveAsync<MetricQueryService>();
        _catalog = await metrics.CatalogAsync(caller, CancellationToken.None);
        _draft.Metric ??= _catalog.FirstOrDefault()?.Name;
    }

    private IEnumerable<string> Modules =>
        _catalog.FirstOrDefault(c => c.Name == _draft.Metric)?.Modules ?? Analytics.Core.Metrics.Modules.All;

    private IEnumerable<string> Dimensions =>
        _catalog.FirstOrDefault(c => c.Name == _draft.Metric)?.Dimensions ?? [];

    private bool Has(string field) => _errors.ContainsKey(field);

    private string? ErrorOf(string field) => _errors.GetValueOrDefault(field);

    private static string TypeLabel(string type) => CultureInfo.InvariantCulture.TextInfo.ToTitleCase(type.Replace('_', ' '));

    private WidgetInput Input() => new(
        _draft.Type, _draft.Title, _draft.Metric, _draft.Module ?? "", _draft.Period, GroupBy: _draft.GroupBy, Agg: _draft.Agg,
        By: _draft.By ?? "", Filters: ParseFilters(), HigherIsBetter: _draft.HigherIsBetter);

    private Dictionary<string, string> ParseFilters() =>
        _draft.FilterText.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(pair => pair.Split('=', 2, StringSplitOptions.TrimEntries))
            .ToDictionary(pair => pair[0], pair => pair.Length == 2 ? pair[1] : "");

    /// <summary>The draft as a widget to preview, rebuilt only when the draft changes.</summary>
    private Widget? Preview()
    {
        if (string.IsNullOrEmpty(_draft.Metric) || string.IsNullOrWhiteSpace(_draft.Title)) return null;
        if (WidgetTypes.NeedsBreakdown(_draft.Type) && string.IsNullOrEmpty(_draft.By)) return null;
        var key = string.Join('|', _draft.Type, _draft.Title, _draft.Metric, _draft.Module, _draft.Agg, _draft.Period, _draft.GroupBy, _draft.By, _draft.FilterText, _draft.HigherIsBetter);
        if (key == _previewKey) return _preview;
        _previewKey = key;
        return _preview = new Widget
        {
            Type = _draft.Type, Title = _draft.Title, Metric = _draft.Metric, Module = _draft.Module, Agg = _draft.Agg, Period = _draft.Period,
            GroupBy = _draft.GroupBy, By = _draft.By, Filters = ParseFilters(), HigherIsBetter = _draft.HigherIsBetter,
        };
    }

    private void Cancel() => Dialog.Cancel();

    private async Task SaveAsync()
    {
        _saving = true;
        _errors = [];
        try
        {
            var (caller, dashboards) = await ResolveAsync<DashboardService>();
            if (Widget is null) await dashboards.AddWidgetAsync(caller, DashboardId, Input(), CancellationToken.None);
            else await dashboards.UpdateWidgetAsync(caller, Widget.Id, Input(), CancellationToken.None);
            Dialog.Close(DialogResult.Ok(true));
        }
        catch (InvalidInputException e)
        {
            _errors = e.Errors
                .GroupBy(error => error.Key.Split('.')[0])
                .ToDictionary(g => g.Key, g => string.Join(" ", g.SelectMany(error => error.Value)));
        }
        catch (AnalyticsException e)
        {
            _errors = new() { [""] = e.Message };
        }
        finally
        {
            _saving = false;
        }
    }
}
