using System.Text.Json;
using Analytics.Core.Metrics;
using Analytics.Web.Components.Layout;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Analytics.Web.Components.Widgets;

/// <summary>A jsvectormap world map drawn by our <c>map.js</c> module; legend and hover values come from the module.</summary>
public partial class GeoMap
{
    [Inject] public required IJSRuntime JS { get; init; }

    /// <summary>A series broken down by country (<c>By = "country"</c>, ISO alpha-2 codes); other values are left out.</summary>
    [Parameter, EditorRequired] public required MetricSeries Series { get; set; }

    /// <summary>The legend's title and the figure's name on hover; the metric's name by default.</summary>
    [Parameter] public string? Label { get; set; }

    /// <summary>The map needs a fixed height; it fills the width.</summary>
    [Parameter] public int Height { get; set; } = 300;

    [CascadingParameter] public ChartPalette? Palette { get; set; }

    private ElementReference _element;
    private IJSObjectReference? _module;
    private object? _drawn;

    // Rebuilt only when the data, the label or the theme changes, so a re-render does not redraw the map.
    private (MetricSeries?, string?, ChartPalette?, object?) _options;

    private object? Options()
    {
        if (Palette is null) return null;
        if (!ReferenceEquals(_options.Item1, Series) || _options.Item2 != Label || !ReferenceEquals(_options.Item3, Palette))
            _options = (Series, Label, Palette, ChartOptions.Map(Series, Label ?? Series.Query.Name, Palette));
        return _options.Item4;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        var options = Options();
        if (options is null || ReferenceEquals(_drawn, options)) return;
        try
        {
            _module ??= await JS.InvokeAsync<IJSObjectReference>("import", "./lib/analytics/map.js");
            var json = JsonSerializer.SerializeToElement(options, ChartJson.Options);
            await _module.InvokeVoidAsync(_drawn is null ? "render" : "update", _element, json);
            _drawn = options;
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
