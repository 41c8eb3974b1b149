using Analytics.Web.Components.Widgets;
using Bunit;
using Microsoft.AspNetCore.Components;
using MudBlazor.Services;

namespace Analytics.Tests.Components.Widgets;

public sealed class WidgetFrameTests : BunitContext
{
    public WidgetFrameTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    private IRenderedComponent<WidgetFrame> Render(bool loading = false, string? error = null, bool empty = false) =>
        Render<WidgetFrame>(p => p
            .Add(c => c.Title, "Orders")
            .Add(c => c.Subtitle, "sum by day, 30d")
            .Add(c => c.Loading, loading)
            .Add(c => c.Error, error)
            .Add(c => c.Empty, empty)
            .Add(c => c.ChildContent, (RenderFragment)(b => b.AddMarkupContent(0, "<p data-testid=\"content\">chart</p>"))));

    [Fact]
    public void Shows_the_title_and_the_content()
    {
        var frame = Render();
        Assert.Equal("Orders", frame.Find(".widget-title").TextContent.Trim());
        Assert.NotNull(frame.Find("[data-testid=content]"));
    }

    [Fact]
    public void Says_so_when_the_period_has_no_events_instead_of_showing_the_content()
    {
        var frame = Render(empty: true);
        Assert.Contains("No events in this period.", frame.Find("[data-testid=widget-empty]").TextContent);
        Assert.Empty(frame.FindAll("[data-testid=content]"));
    }

    [Fact]
    public void Shows_the_error_instead_of_the_content()
    {
        var frame = Render(error: "Unknown metric.", empty: true);
        Assert.Contains("Unknown metric.", frame.Find("[data-testid=widget-error]").TextContent);
        Assert.Empty(frame.FindAll("[data-testid=widget-empty]"));
        Assert.Empty(frame.FindAll("[data-testid=content]"));
    }

    [Fact]
    public void Is_busy_while_loading()
    {
        var frame = Render(loading: true);
        Assert.NotNull(frame.Find("[data-testid=widget-loading]"));
        Assert.Equal("true", frame.Find(".widget-body").GetAttribute("aria-busy"));
    }
}
