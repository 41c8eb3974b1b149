using System.Text.Json;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Analytics.Web.Components.Widgets;

/// <summary>An ApexCharts chart drawn by our <c>charts.js</c> module; options are plain data built in C#.</summary>
public partial class ApexChart
{
    [Inject] public required IJSRuntime JS { get; init; }

    /// <summary>ApexCharts options (series, axes, colours); a new instance redraws the chart.</summary>
    [Parameter, EditorRequired] public required object Options { get; set; }

    [Parameter] public int Height { get; set; } = 280;

    /// <summary>What the chart shows, for screen readers; the drawing itself is then hidden from them as one image.</summary>
    [Parameter] public string? AriaLabel { get; set; }

    private ElementReference _element;
    private IJSObjectReference? _module;
    private object? _drawn;

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (ReferenceEquals(_drawn, Options)) return;
        try
        {
            _module ??= await JS.InvokeAsync<IJSObjectReference>("import", "./lib/analytics/charts.js");
            var json = JsonSerializer.SerializeToElement(Options, ChartJson.Options);
            await _module.InvokeVoidAsync(firstRender || _drawn is null ? "render" : "update", _element, json);
            _drawn = Options;
        }
        catch (JSDisconnectedException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_module is null) return;
        try
        {
            await _module.InvokeVoidAsync("destroy", _element);
            await _module.DisposeAsync();
        }
        catch (JSDisconnectedException)
        {
        }
        GC.SuppressFinalize(this);
    }
}
