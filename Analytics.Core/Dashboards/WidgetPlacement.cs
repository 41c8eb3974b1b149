namespace Analytics.Core.Dashboards;

/// <summary>Where a new widget goes when its position is not given: its type's usual size, at the first free spot.</summary>
public static class WidgetPlacement
{
    public static (int W, int H) DefaultSize(string type) => type switch
    {
        WidgetTypes.KpiCard => (3, 3),
        WidgetTypes.LineChart or WidgetTypes.AreaChart => (8, 4),
        WidgetTypes.DataTable => (8, 6),
        WidgetTypes.GeoMap => (6, 5),
        _ => (6, 5),
    };

    /// <summary>The first place, top to bottom and left to right, where a w × h widget overlaps none of the others.</summary>
    public static WidgetPosition FirstFree(IEnumerable<Widget> widgets, int w, int h)
    {
        var taken = widgets.Select(o => (o.X, o.Y, o.W, o.H)).ToList();
        for (var y = 0; ; y++)
            for (var x = 0; x + w <= DashboardValidator.Columns; x++)
                if (!taken.Any(t => x < t.X + t.W && t.X < x + w && y < t.Y + t.H && t.Y < y + h))
                    return new WidgetPosition(x, y, w, h);
    }
}
