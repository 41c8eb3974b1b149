using Analytics.Core.Reports;
using Analytics.Web.Components.Dialogs;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Analytics.Web.Components.Pages.Reports;

/// <summary>The tenant's reports with their schedule, next and last run; create, edit, run and delete for admins and analysts.</summary>
public partial class ReportList
{
    [Inject] public required IDialogService Dialogs { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }

    private IReadOnlyList<ReportView>? _reports;
    private string? _error;
    private bool _canEdit;
    private bool _canTestEmail;
    private string _tenant = "";

    protected override async Task OnInitializedAsync()
    {
        if (!RendererInfo.IsInteractive) return;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _error = null;
        try
        {
            var (caller, reports) = await ResolveAsync<ReportService>();
            _canEdit = ReportAccess.CanEdit(caller);
            _canTestEmail = ReportAccess.CanSendTestEmail(caller);
            _tenant = caller.TenantSlug;
            _reports = await reports.ListAsync(caller, CancellationToken.None);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _error = e.Message;
        }
    }

    private static string Content(ReportDefinition d) =>
        string.Join(" · ", new[] { string.Join(", ", d.Modules), string.Join(", ", d.Metrics), ReportDateRange.Title(d.DateRange) }.Where(s => s.Length > 0));

    private string DownloadUrl(ReportView report, long? run) =>
        $"/api/{_tenant}/reports/{report.Definition.Id}/download{(run is null ? "" : $"?run={run}")}";

    private async Task CreateAsync()
    {
        if (await ReportEditorDialog.ShowAsync(Dialogs, null) is { } created) Navigation.NavigateTo($"reports/{created.Definition.Id}");
    }

    private async Task EditAsync(ReportView report)
    {
        if (await ReportEditorDialog.ShowAsync(Dialogs, report.Definition) is not null) await LoadAsync();
    }

    private async Task RunNowAsync(ReportView report)
    {
        if (await TryAsync<ReportService>((caller, reports) => reports.RunNowAsync(caller, report.Definition.Id, CancellationToken.None)))
            Navigation.NavigateTo($"reports/{report.Definition.Id}");
    }

    private async Task DeleteAsync(ReportView report)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync("Delete report", $"Delete “{report.Definition.Name}” with all its runs and files? This cannot be undone.",
            yesText: "Delete", cancelText: "Cancel");
        if (confirmed != true) return;
        if (await TryAsync<ReportService>((caller, reports) => reports.DeleteAsync(caller, report.Definition.Id, CancellationToken.None))) await LoadAsync();
    }

    private Task TestEmailAsync() => TestEmailDialog.ShowAsync(Dialogs);
}
