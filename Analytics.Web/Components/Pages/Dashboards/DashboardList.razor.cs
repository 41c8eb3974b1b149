using Analytics.Core.Dashboards;
using Analytics.Web.Components.Dialogs;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Analytics.Web.Components.Pages.Dashboards;

/// <summary>The dashboards the user may see, with create, rename and share, duplicate and delete as their role allows.</summary>
public partial class DashboardList
{
    [Inject] public required IDialogService Dialogs { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }
    [Inject] public required TimeProvider Clock { get; init; }

    private IReadOnlyList<DashboardSummary>? _dashboards;
    private bool _canCreate;
    private bool _canShare;

    protected override async Task OnInitializedAsync()
    {
        if (!RendererInfo.IsInteractive) return;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        // A scope of its own: the user may navigate away (disposing this page's scope) while the list still loads.
        _dashboards = await InOwnScopeAsync<DashboardService, IReadOnlyList<DashboardSummary>>((caller, dashboards) =>
        {
            _canCreate = DashboardAccess.CanCreate(caller);
            _canShare = DashboardAccess.CanShare(caller);
            return dashboards.ListAsync(caller, CancellationToken.None);
        });
    }

    private async Task CreateAsync()
    {
        if (await AskAsync("New dashboard", new DashboardInput(""), "Create") is not { } result) return;
        // No reload of the list afterwards: the navigation disposes this page and its scope.
        await TryAsync<DashboardService>(async (caller, dashboards) =>
        {
            var view = await dashboards.CreateAsync(caller, new DashboardInput(result.Name, result.Description, _canShare ? result.SharedWith : null), CancellationToken.None);
            Navigation.NavigateTo($"dashboards/{view.Dashboard.Id}");
        });
    }

    private async Task RenameAsync(DashboardSummary dashboard)
    {
        if (await AskAsync("Rename dashboard", new DashboardInput(dashboard.Name, dashboard.Description, dashboard.SharedWith), "Save") is not { } result) return;
        await RunAsync((caller, dashboards) => dashboards.UpdateAsync(caller, dashboard.Id,
            new DashboardInput(result.Name, result.Description ?? "", _canShare ? result.SharedWith : null), CancellationToken.None));
    }

    private Task DuplicateAsync(DashboardSummary dashboard) =>
        RunAsync((caller, dashboards) => dashboards.DuplicateAsync(caller, dashboard.Id, CancellationToken.None));

    private async Task DeleteAsync(DashboardSummary dashboard)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync("Delete dashboard", $"Delete “{dashboard.Name}” and its {dashboard.Widgets} widgets? This cannot be undone.",
            yesText: "Delete", cancelText: "Cancel");
        if (confirmed != true) return;
        await RunAsync((caller, dashboards) => dashboards.DeleteAsync(caller, dashboard.Id, CancellationToken.None));
    }

    private async Task<DashboardFormDialog.Result?> AskAsync(string title, DashboardInput current, string saveText)
    {
        var parameters = new DialogParameters<DashboardFormDialog>
        {
            { d => d.Name, current.Name ?? "" },
            { d => d.Description, current.Description },
            { d => d.CanShare, _canShare },
            { d => d.SharedWith, current.SharedWith?.ToList() ?? [] },
            { d => d.SaveText, saveText },
        };
        var dialog = await Dialogs.ShowAsync<DashboardFormDialog>(title, parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        var result = await dialog.Result;
        return result is { Canceled: false, Data: DashboardFormDialog.Result data } ? data : null;
    }

    private async Task RunAsync(Func<Analytics.Core.Tenancy.Caller, DashboardService, Task> action)
    {
        if (await TryAsync(action)) await LoadAsync();
    }

    private string Ago(DateTime utc)
    {
        var age = Clock.GetUtcNow().UtcDateTime - utc;
        return age.TotalMinutes < 1 ? "just now"
            : age.TotalHours < 1 ? $"{(int)age.TotalMinutes} min ago"
            : age.TotalDays < 1 ? $"{(int)age.TotalHours} h ago"
            : age.TotalDays < 30 ? $"{(int)age.TotalDays} days ago"
            : utc.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    }
}
