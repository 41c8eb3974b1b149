using Analytics.Core.Tenancy;
using Microsoft.AspNetCore.Components.Authorization;

namespace Analytics.Web;

/// <summary>The signed-in user of a Blazor circuit as a Core <see cref="Caller"/>; binds the scope to their tenant.</summary>
public sealed class CallerAccessor(AuthenticationStateProvider authentication, TenantContext tenant)
{
    private Caller? _caller;

    public async Task<Caller> GetAsync()
    {
        if (_caller is not null) return _caller;
        var state = await authentication.GetAuthenticationStateAsync();
        _caller = state.User.ToCaller() ?? throw new InvalidOperationException("No signed-in user in this circuit.");
        tenant.Use(_caller.TenantId);
        return _caller;
    }
}
