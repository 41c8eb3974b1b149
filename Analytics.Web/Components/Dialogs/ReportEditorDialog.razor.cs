using Analytics.Core.Errors;
using Analytics.Core.Metrics;
using Analytics.Core.Reports;
using Analytics.Core.Tenancy;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Analytics.Web.Components.Dialogs;

/// <summary>
/// Creates or edits a report definition: content from the tenant's metric catalog, format, date range, a schedule
/// with the next runs shown as they would happen in the tenant's zone, and delivery. The server's field errors show on
/// their fields.
/// </summary>
public partial class ReportEditorDialog
{
    private const string OnDemand = "";
    private const string Automatic = "";

    [CascadingParameter] public required IMudDialogInstance Dialog { get; set; }

    [Inject] public required TimeProvider Clock { get; init; }

    [Parameter] public ReportDefinition? Report { get; set; }

    private sealed class Draft
    {
        public string Name { get; set; } = "";
        public IReadOnlyCollection<string> Modules { get; set; } = [];
        public IReadOnlyCollection<string> Metrics { get; set; } = [];
        public string Format { get; set; } = "pdf";
        public string GroupBy { get; set; } = Automatic;
        public string DateRange { get; set; } = ReportDateRange.Last7Days;
        public DateTime? From { get; set; }
        public DateTime? To { get; set; }
        public string DimensionText { get; set; } = "";
        public string? Segment { get; set; }
        public string Frequency { get; set; } = OnDemand;
        public string? Day { get; set; }
        public string Time { get; set; } = "08:00";
        public string? Cron { get; set; }
        public string EmailText { get; set; } = "";
        public bool Download { get; set; } = true;
    }

    private static readonly (string Format, string Label)[] Formats =
        [("pdf", "PDF — for people"), ("csv", "CSV — for analysis"), ("xlsx", "Excel workbook"), ("json", "JSON — for integrations")];

    private Draft _draft = new();
    private IReadOnlyList<string> _catalog = [];
    private IReadOnlyList<string> _modules = Analytics.Core.Metrics.Modules.All;
    private TimeZoneInfo _zone = TimeZoneInfo.Utc;
    private string _zoneId = "UTC";
    private IReadOnlyList<DateTimeOffset> _preview = [];
    private string? _previewError;
    private Dictionary<string, string> _errors = [];
    private bool _saving;

    /// <summary>Shows the editor; answers the saved report, or null when cancelled.</summary>
    public static async Task<ReportView?> ShowAsync(IDialogService dialogs, ReportDefinition? report)
    {
        var parameters = new DialogParameters<ReportEditorDialog> { { d => d.Report, report } };
        var options = new DialogOptions { MaxWidth = MaxWidth.Large, FullWidth = true, CloseOnEscapeKey = true };
        var dialog = await dialogs.ShowAsync<ReportEditorDialog>(report is null ? "New report" : "Edit report", parameters, options);
        var result = await dialog.Result;
        return result is { Canceled: false, Data: ReportView view } ? view : null;
    }

    protected override async Task OnInitializedAsync()
    {
        if (Report is { } r)
        {
            _draft = new Draft
            {
                Name = r.Name, Modules = r.Modules.ToList(), Metrics = r.Metrics.ToList(), Format = r.Format.ToString().ToLowerInvariant(),
                GroupBy = r.GroupBy ?? Automatic, DateRange = r.DateRange, From = r.From?.ToDateTime(TimeOnly.MinValue), To = r.To?.ToDateTime(TimeOnly.MinValue),
                DimensionText = string.Join(", ", r.Dimensions.Select(d => $"{d.Key}={d.Value}")), Segment = r.Segment,
                Frequency = r.Frequency ?? OnDemand, Day = r.Day, Time = r.Time ?? "08:00", Cron = r.Cron,
                EmailText = string.Join(", ", r.EmailTo), Download = r.Download,
            };
        }
        if (!RendererInfo.IsInteractive) return;
        var (caller, metrics) = await ResolveAsync<MetricQueryService>();
        _catalog = (await metrics.CatalogAsync(caller, CancellationToken.None)).Select(c => c.Name).Order(StringComparer.Ordinal).ToList();
        _modules = await ScopedServices.GetRequiredService<ModuleDirectory>().NamesAsync(caller.TenantId, CancellationToken.None);
        var tenant = await ScopedServices.GetRequiredService<TenantDirectory>().GetAsync(caller.TenantId, CancellationToken.None);
        (_zone, _zoneId) = (tenant.Zone, tenant.TimeZone);
        UpdatePreview();
    }

    private void FrequencyChanged(string frequency)
    {
        _draft.Frequency = frequency;
        _draft.Day = frequency switch
        {
            "weekly" => ReportSchedule.Weekday(_draft.Day) ?? "monday",
            "monthly" => _draft.Day is { } d && (d == ReportSchedule.LastDay || int.TryParse(d, out _)) ? d : "1",
            _ => null,
        };
        if (frequency == "cron" && string.IsNullOrWhiteSpace(_draft.Cron)) _draft.Cron = "0 8 * * 1-5";
        UpdatePreview();
    }

    private void DayChanged(string day)
    {
        _draft.Day = day;
        UpdatePreview();
    }

    private void TimeChanged(string time)
    {
        _draft.Time = time;
        UpdatePreview();
    }

    private void CronChanged(string cron)
    {
        _draft.Cron = cron;
        UpdatePreview();
    }

    private void UpdatePreview()
    {
        _previewError = null;
        _preview = [];
        foreach (var key in _errors.Keys.Where(k => k.StartsWith("schedule", StringComparison.Ordinal)).ToList()) _errors.Remove(key);
        try
        {
            _preview = ReportService.Preview(Schedule(), _zone, Clock.GetUtcNow().UtcDateTime, 3);
        }
        catch (InvalidInputException e)
        {
            _previewError = string.Join(" ", e.Errors.Where(x => x.Key.StartsWith("schedule", StringComparison.Ordinal)).SelectMany(x => x.Value));
            if (_previewError.Length == 0) _previewError = null;
        }
    }

    private ReportScheduleInput? Schedule() => _draft.Frequency switch
    {
        OnDemand => null,
        "cron" => new ReportScheduleInput("cron", Cron: _draft.Cron),
        "daily" => new ReportScheduleInput("daily", Time: _draft.Time),
        _ => new ReportScheduleInput(_draft.Frequency, _draft.Day, _draft.Time),
    };

    private ReportInput Input()
    {
        var emails = _draft.EmailText.Split([',', ';', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var custom = _draft.DateRange == ReportDateRange.Custom;
        return new ReportInput(
            _draft.Name, _draft.Modules.ToList(), _draft.Metrics.ToList(), _draft.Format, Schedule(),
            new ReportDeliveryInput(emails.Length > 0 ? emails : null, _draft.Download),
            new ReportFiltersInput(_draft.DateRange,
                custom && _draft.From is { } f ? DateOnly.FromDateTime(f) : null,
                custom && _draft.To is { } t ? DateOnly.FromDateTime(t) : null,
                Dimensions: ParseDimensions(), Segment: string.IsNullOrWhiteSpace(_draft.Segment) ? null : _draft.Segment),
            _draft.GroupBy == Automatic ? null : _draft.GroupBy);
    }

    private Dictionary<string, string> ParseDimensions() =>
        _draft.DimensionText.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(pair => pair.Split('=', 2, StringSplitOptions.TrimEntries))
            .GroupBy(pair => pair[0]).ToDictionary(g => g.Key, g => g.Last().Length == 2 ? g.Last()[1] : "");

    private bool Has(string field) => _errors.ContainsKey(field);

    private bool HasPrefix(string prefix) => _errors.Keys.Any(k => k.StartsWith(prefix, StringComparison.Ordinal));

    private string? ErrorOf(string field) => _errors.GetValueOrDefault(field);

    private string? ErrorsOf(string prefix) =>
        string.Join(" ", _errors.Where(e => e.Key.StartsWith(prefix, StringComparison.Ordinal)).Select(e => e.Value)) is { Length: > 0 } text ? text : null;

    private void Cancel() => Dialog.Cancel();

    private async Task SaveAsync()
    {
        _saving = true;
        _errors = [];
        try
        {
            var (caller, reports) = await ResolveAsync<ReportService>();
            var view = Report is null
                ? await reports.CreateAsync(caller, Input(), CancellationToken.None)
                : await reports.UpdateAsync(caller, Report.Id, Input(), CancellationToken.None);
            Dialog.Close(DialogResult.Ok(view));
        }
        catch (InvalidInputException e)
        {
            // Errors of list items (modules[1], delivery.email[0]) show on their list's field.
            _errors = e.Errors
                .GroupBy(error => error.Key.Split('[')[0].StartsWith("filters.dimensions", StringComparison.Ordinal) ? "filters.dimensions" : error.Key.Split('[')[0])
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
