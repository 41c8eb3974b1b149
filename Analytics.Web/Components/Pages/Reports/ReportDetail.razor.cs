using Analytics.Core.Errors;
using Analytics.Core.Reports;
using Analytics.Web.Components.Dialogs;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Analytics.Web.Components.Pages.Reports;

/// <summary>One report: what it covers, when it runs next, its runs with their files; refreshes itself while a run is under way.</summary>
public partial class ReportDetail
{
    [Parameter] public long Id { get; set; }

    [Inject] public required IDialogService Dialogs { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }

    private ReportView? _report;
    private string? _error;
    private bool _notFound;
    private string _tenant = "";
    private List<BreadcrumbItem> _crumbs = [new("Reports", "reports")];
    private readonly CancellationTokenSource _life = new();
    private bool _polling;

    protected override async Task OnParametersSetAsync()
    {
        if (!RendererInfo.IsInteractive) return;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        try
        {
            var (caller, reports) = await ResolveAsync<ReportService>();
            _tenant = caller.TenantSlug;
            _report = await reports.GetAsync(caller, Id, CancellationToken.None);
            _crumbs = [new("Reports", "reports"), new(_report.Definition.Name, null, disabled: true)];
            _error = null;
        }
        catch (NotFoundException)
        {
            _notFound = true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _error = e.Message;
        }
        if (Busy && !_polling) StartPolling();
    }

    /// <summary>Reloads every second until no run is queued or running.</summary>
    private void StartPolling()
    {
        _polling = true;
        var token = _life.Token;
        _ = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
            try
            {
                var busy = true;
                while (busy && await timer.WaitForNextTickAsync(token))
                {
                    await InvokeAsync(async () =>
                    {
                        await LoadAsync();
                        busy = Busy;
                        if (!busy) _polling = false;
                        StateHasChanged();
                    });
                }
            }
            catch (OperationCanceledException)
            {
            }
            catch (ObjectDisposedException)
            {
            }
        }, token);
    }

    private bool Busy => _report?.Runs.Any(r => r.Status is ReportRunStatus.Queued or ReportRunStatus.Running) == true;

    private string DownloadUrl(ReportRun run) => $"/api/{_tenant}/reports/{run.DefinitionId}/download?run={run.Id}";

    private static string Covers(ReportDefinition d) =>
        string.Join(" · ", new[] { d.Modules.Count > 0 ? $"Modules: {string.Join(", ", d.Modules)}" : "", d.Metrics.Count > 0 ? $"Metrics: {string.Join(", ", d.Metrics)}" : "" }
            .Where(s => s.Length > 0));

    private static string Period(ReportDefinition d) =>
        (d.DateRange == ReportDateRange.Custom ? $"{d.From:yyyy-MM-dd} – {d.To:yyyy-MM-dd}" : ReportDateRange.Title(d.DateRange))
        + (d.GroupBy is { } g ? $", by {g}" : "");

    private static string Delivery(ReportDefinition d) =>
        string.Join(" · ", new[] { d.EmailTo.Count > 0 ? $"Email to {string.Join(", ", d.EmailTo)}" : "", d.Download ? "Download" : "" }.Where(s => s.Length > 0));

    private static string Filters(ReportDefinition d) =>
        string.Join(" · ", d.Dimensions.Select(x => $"{x.Key} = {x.Value}")
            .Concat(d.Module is { } m ? [$"module {m}"] : [])
            .Concat(d.Segment is { } s ? [$"segment {s}"] : []));

    private static string DeliveryText(ReportRun run) => run.Delivery switch
    {
        ReportDeliveryStatus.None => "—",
        ReportDeliveryStatus.Pending when run.DeliveryAttempts > 0 => $"retrying ({run.DeliveryAttempts} tried)",
        ReportDeliveryStatus.Pending => "pending",
        ReportDeliveryStatus.Sent => "sent",
        _ => $"failed after {run.DeliveryAttempts} tries",
    };

    private async Task RunNowAsync()
    {
        if (await TryAsync<ReportService>((caller, reports) => reports.RunNowAsync(caller, Id, CancellationToken.None))) await LoadAsync();
    }

    private async Task EditAsync()
    {
        if (_report is not null && await ReportEditorDialog.ShowAsync(Dialogs, _report.Definition) is not null) await LoadAsync();
    }

    private async Task DeleteAsync()
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync("Delete report", $"Delete “{_report?.Definition.Name}” with all its runs and files? This cannot be undone.",
            yesText: "Delete", cancelText: "Cancel");
        if (confirmed != true) return;
        if (await TryAsync<ReportService>((caller, reports) => reports.DeleteAsync(caller, Id, CancellationToken.None))) Navigation.NavigateTo("reports");
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _life.Cancel();
            _life.Dispose();
        }
        base.Dispose(disposing);
    }
}
