using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Analytics.Web.Components.Dashboards;

/// <summary>A 12-column gridstack grid over Blazor-rendered <see cref="GridItem"/>s; reports moves and resizes.</summary>
public partial class DashboardGrid
{
    [Inject] public required IJSRuntime JS { get; init; }

    [Parameter] public RenderFragment? ChildContent { get; set; }
    [Parameter] public bool Editable { get; set; }
    [Parameter] public int CellHeight { get; set; } = 80;
    [Parameter] public EventCallback<IReadOnlyList<GridPosition>> LayoutChanged { get; set; }

    /// <summary>Changes when items are added or removed, so gridstack picks up the new DOM.</summary>
    [Parameter] public string ItemsKey { get; set; } = "";

    private ElementReference _element;
    private IJSObjectReference? _module;
    private DotNetObjectReference<DashboardGrid>? _self;
    private bool? _editable;
    private string? _items;

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        try
        {
            if (firstRender)
            {
                _module = await JS.InvokeAsync<IJSObjectReference>("import", "./lib/analytics/grid.js");
                _self = DotNetObjectReference.Create(this);
                await _module.InvokeVoidAsync("init", _element, _self, new { editable = Editable, cellHeight = CellHeight });
                _editable = Editable;
                _items = ItemsKey;
                return;
            }
            if (_module is not null && _items != ItemsKey)
            {
                await _module.InvokeVoidAsync("refresh", _element);
                _items = ItemsKey;
            }
            if (_module is not null && _editable != Editable)
            {
                await _module.InvokeVoidAsync("setEditable", _element, Editable);
                _editable = Editable;
            }
        }
        catch (JSDisconnectedException)
        {
        }
    }

    [JSInvokable]
    public Task OnLayoutChanged(GridPosition[] items) => LayoutChanged.InvokeAsync(items);

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_module is not null)
            {
                await _module.InvokeVoidAsync("destroy", _element);
                await _module.DisposeAsync();
            }
        }
        catch (JSDisconnectedException)
        {
        }
        _self?.Dispose();
        GC.SuppressFinalize(this);
    }
}
