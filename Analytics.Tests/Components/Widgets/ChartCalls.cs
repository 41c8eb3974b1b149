using System.Text.Json;
using Bunit;

namespace Analytics.Tests.Components.Widgets;

/// <summary>Reads what a widget handed to our chart and map modules.</summary>
internal static class ChartCalls
{
    /// <summary>The options of every render or update call, in order.</summary>
    public static IReadOnlyList<JsonElement> Drawn(this BunitJSInterop js) =>
        js.Invocations.Where(i => i.Identifier is "render" or "update").Select(i => (JsonElement)i.Arguments[1]!).ToList();

    /// <summary>The options of the only render call.</summary>
    public static JsonElement Rendered(this BunitJSInterop js) =>
        (JsonElement)js.Invocations.Single(i => i.Identifier == "render").Arguments[1]!;

    public static string[] Strings(this JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToArray();

    public static double[] Numbers(this JsonElement array) => array.EnumerateArray().Select(e => e.GetDouble()).ToArray();
}
