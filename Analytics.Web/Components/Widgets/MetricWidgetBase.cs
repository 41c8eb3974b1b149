using Analytics.Core.Errors;
using Analytics.Core.Metrics;
using Analytics.Core.Tenancy;
using Microsoft.AspNetCore.Components;

namespace Analytics.Web.Components.Widgets;

/// <summary>
/// A widget over one metric. Each widget owns a service scope, so widgets load in parallel without sharing
/// the circuit's DbContext; nothing is queried while prerendering, which shows the loading state instead.
/// </summary>
public abstract class MetricWidgetBase : OwningComponentBase
{
    [Inject] public required CallerAccessor Callers { get; init; }

    [Parameter, EditorRequired] public required string Title { get; set; }
    [Parameter, EditorRequired] public required string Metric { get; set; }
    [Parameter] public string Period { get; set; } = "30d";
    [Parameter] public MetricGrouping GroupBy { get; set; } = MetricGrouping.Day;
    [Parameter] public MetricAggregate Agg { get; set; } = MetricAggregate.Sum;
    [Parameter] public string? Module { get; set; }

    protected bool Loading { get; private set; } = true;
    protected string? Error { get; private set; }

    protected override async Task OnParametersSetAsync()
    {
        if (!RendererInfo.IsInteractive) return;
        Loading = true;
        Error = null;
        try
        {
            var caller = await Callers.GetAsync();
            ScopedServices.GetRequiredService<TenantContext>().Use(caller.TenantId);
            var metrics = ScopedServices.GetRequiredService<MetricQueryService>();
            var query = await metrics.ForPeriodAsync(caller, Metric, Period, GroupBy, Agg, Module);
            await LoadAsync(metrics, caller, query);
        }
        catch (AnalyticsException e)
        {
            Error = e.Message;
        }
        finally
        {
            Loading = false;
        }
    }

    protected abstract Task LoadAsync(MetricQueryService metrics, Caller caller, MetricQuery query);
}
