using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Analytics.Core.Reports;

/// <summary>Reads a JSON string or integer as text: a schedule's day is <c>"monday"</c> for a week and <c>15</c> for a month.</summary>
public sealed class StringOrNumberConverter : JsonConverter<string?>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Number when reader.TryGetInt32(out var n) => n.ToString(CultureInfo.InvariantCulture),
        JsonTokenType.Null => null,
        _ => throw new JsonException("could not be converted: expected a string or a whole number."),
    };

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options)
    {
        if (value is null) writer.WriteNullValue();
        else writer.WriteStringValue(value);
    }
}
