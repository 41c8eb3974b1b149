using Analytics.Core.Errors;
using Analytics.Core.Tenancy;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Analytics.Web.Components;

/// <summary>
/// A component with its own service scope bound to the signed-in user's tenant. Blazor runs the layout, the page and
/// each widget concurrently on one circuit; their own scopes keep them from sharing one DbContext.
/// </summary>
public abstract class TenantComponentBase : OwningComponentBase
{
    [Inject] public required CallerAccessor Callers { get; init; }
    [Inject] public required ISnackbar Snackbar { get; init; }

    [Inject] public required IServiceScopeFactory ScopeFactory { get; init; }

    /// <summary>The caller and a service of this component's scope.</summary>
    protected async Task<(Caller Caller, T Service)> ResolveAsync<T>() where T : notnull
    {
        var caller = await Callers.GetAsync();
        var tenant = ScopedServices.GetRequiredService<TenantContext>();
        if (tenant.TenantId is null) tenant.Use(caller.TenantId);
        return (caller, ScopedServices.GetRequiredService<T>());
    }

    /// <summary>
    /// Runs <paramref name="work"/> in a service scope of its own, disposed afterwards: for operations of one component
    /// that may overlap (a grid's reload while the page initializes, previews while someone types). Overlapping
    /// operations on the component's scope would share its DbContext, which fails as soon as I/O is truly
    /// asynchronous (PostgreSQL).
    /// </summary>
    protected Task<TResult> InOwnScopeAsync<T, TResult>(Func<Caller, T, Task<TResult>> work) where T : notnull =>
        InOwnScopeAsync((caller, services) => work(caller, services.GetRequiredService<T>()));

    /// <summary>
    /// Runs <paramref name="work"/> with the services of a tenant-bound scope of its own. Work that may outlive the
    /// component (a detection still running when the user follows a link) needs it: the component's scope is disposed
    /// on navigation.
    /// </summary>
    protected async Task<TResult> InOwnScopeAsync<TResult>(Func<Caller, IServiceProvider, Task<TResult>> work)
    {
        var caller = await Callers.GetAsync();
        await using var scope = ScopeFactory.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Use(caller.TenantId);
        return await work(caller, scope.ServiceProvider);
    }

    /// <summary>
    /// Runs a user's action against a service in a scope of its own; a refusal (invalid, forbidden, not found) is shown,
    /// not thrown.
    /// </summary>
    protected async Task<bool> TryAsync<T>(Func<Caller, T, Task> action) where T : notnull
    {
        try
        {
            return await InOwnScopeAsync<T, bool>(async (caller, service) =>
            {
                await action(caller, service);
                return true;
            });
        }
        catch (AnalyticsException e)
        {
            Snackbar.Add(e.Message, Severity.Error);
            return false;
        }
    }
}
