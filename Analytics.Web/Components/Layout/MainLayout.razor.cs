using Analytics.Core.Tenancy;
using Microsoft.AspNetCore.Components;

namespace Analytics.Web.Components.Layout;

public partial class MainLayout
{
    [Inject] public required CallerAccessor Callers { get; init; }
    /// <summary>
    /// Each read and write of the user runs in a scope of its own. Components of one render initialize concurrently,
    /// and two reads at once on the request's <c>DbContext</c> break a PostgreSQL connection (seen on the not-found page).
    /// </summary>
    [Inject] public required IServiceScopeFactory Scopes { get; init; }
    [Inject] public required Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider Authentication { get; init; }

    private bool _signedIn;
    private bool _drawerOpen = true;
    private bool _dark;
    private string _tenant = "";
    private string _user = "";
    private ChartPalette _palette = AnalyticsTheme.ChartPalette(false);

    protected override async Task OnInitializedAsync()
    {
        _signedIn = (await Authentication.GetAuthenticationStateAsync()).User.ToCaller() is not null;
        if (!_signedIn) return;
        var caller = await Callers.GetAsync();
        _tenant = caller.TenantSlug;
        if (caller.UserId is not { } id) return;
        await using var scope = Scopes.CreateAsyncScope();
        if (await scope.ServiceProvider.GetRequiredService<UserDirectory>().FindAsync(id) is { } user)
        {
            _user = user.Email ?? "";
            SetDark(user.DarkMode);
        }
    }

    private void ToggleDrawer() => _drawerOpen = !_drawerOpen;

    private async Task ToggleDarkAsync()
    {
        SetDark(!_dark);
        var caller = await Callers.GetAsync();
        if (caller.UserId is not { } id) return;
        await using var scope = Scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<UserDirectory>().SetDarkModeAsync(id, _dark);
    }

    private void SetDark(bool dark)
    {
        _dark = dark;
        _palette = AnalyticsTheme.ChartPalette(dark);
    }
}
