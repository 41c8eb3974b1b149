using Analytics.Core.Tenancy;
using Microsoft.AspNetCore.Components;

namespace Analytics.Web.Components;

/// <summary>
/// A component with its own service scope bound to the signed-in user's tenant. Blazor runs the layout, the page and
/// each widget concurrently on one circuit; their own scopes keep them from sharing one DbContext.
/// </summary>
public abstract class TenantComponentBase : OwningComponentBase
{
    [Inject] public required CallerAccessor Callers { get; init; }

    /// <summary>The caller and a service of this component's scope.</summary>
    protected async Task<(Caller Caller, T Service)> ResolveAsync<T>() where T : notnull
    {
        var caller = await Callers.GetAsync();
        var tenant = ScopedServices.GetRequiredService<TenantContext>();
        if (tenant.TenantId is null) tenant.Use(caller.TenantId);
        return (caller, ScopedServices.GetRequiredService<T>());
    }
}
