using System.Text.Json;
using System.Text.Json.Serialization;

namespace Analytics.Web.Components.Widgets;

/// <summary>ApexCharts reads camelCase option names and no nulls.</summary>
public static class ChartJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
