using System.Collections;
using System.Text;
using System.Text.Json;
using Analytics.Core.Errors;

namespace Analytics.Core.Metrics;

/// <summary>
/// Reads the body of <c>POST /api/{tenant}/metrics</c> — one event object or an array of them — straight from its
/// UTF-8 bytes. A batch repeats the same few names, modules and dimensions thousands of times: each distinct string
/// is made once per body, and each event's dimensions keep the JSON text they arrived as, ready to store. Its
/// answers match the serializer's: snake_case names matched case-insensitively, unknown fields and wrong types
/// refused under the field's path (<c>[3].value</c>), malformed JSON refused with its line and position.
/// </summary>
public static class MetricEventReader
{
    private const int MaxDepth = 16;
    /// <summary>Longer strings are not worth pooling; they are read as they are (validation refuses most of them).</summary>
    private const int MaxPooledChars = 256;

    public static MetricEventList Read(ReadOnlySpan<byte> body)
    {
        if (body.IndexOfAnyExcept(" \t\r\n"u8) < 0) throw new InvalidInputException("body", "Send one object or an array of them.");
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = MaxDepth });
        var pool = new StringPool();
        try
        {
            reader.Read();
            var events = new List<MetricEventInput>();
            var dimensions = new List<string?>();
            if (reader.TokenType == JsonTokenType.StartObject)
            {
                events.Add(ReadEvent(ref reader, body, pool, -1, out var json));
                dimensions.Add(json);
            }
            else if (reader.TokenType == JsonTokenType.StartArray)
            {
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (reader.TokenType == JsonTokenType.Null) throw new InvalidInputException($"[{events.Count}]", "Each item must be an object.");
                    if (reader.TokenType != JsonTokenType.StartObject) throw WrongType($"[{events.Count}]");
                    events.Add(ReadEvent(ref reader, body, pool, events.Count, out var json));
                    dimensions.Add(json);
                }
            }
            else throw new InvalidInputException("body", "Send one object or an array of them.");
            // Anything after the one value is malformed; the reader throws on it.
            if (reader.Read()) throw new InvalidInputException("body", "Send one object or an array of them.");
            return new MetricEventList(events, dimensions);
        }
        catch (JsonException e)
        {
            throw new InvalidInputException("body", $"Malformed JSON at line {e.LineNumber + 1}, position {e.BytePositionInLine + 1}.");
        }
    }

    /// <param name="index">The event's place in the array, for error paths; -1 for a single object.</param>
    private static MetricEventInput ReadEvent(ref Utf8JsonReader reader, ReadOnlySpan<byte> body, StringPool pool, int index, out string? dimensionsJson)
    {
        string? name = null, module = null, customerId = null;
        double? value = null;
        DateTimeOffset? timestamp = null;
        Dictionary<string, string>? dimensions = null;
        dimensionsJson = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field = FieldOf(ref reader);
            if (field.Field == Field.Unknown) throw new InvalidInputException(PathOf(index, Truncated(reader.GetString()!)), "Unknown field.");
            reader.Read();
            var isNull = reader.TokenType == JsonTokenType.Null;
            switch (field.Field)
            {
                case Field.Name:
                    name = isNull ? null : pool.Text(ref reader) ?? throw WrongType(PathOf(index, field.Wire));
                    break;
                case Field.Module:
                    module = isNull ? null : pool.Text(ref reader) ?? throw WrongType(PathOf(index, field.Wire));
                    break;
                case Field.CustomerId:
                    customerId = isNull ? null : pool.Text(ref reader) ?? throw WrongType(PathOf(index, field.Wire));
                    break;
                case Field.Value:
                    value = isNull ? null : reader.TokenType == JsonTokenType.Number ? NumberOf(ref reader) : throw WrongType(PathOf(index, field.Wire));
                    break;
                case Field.Timestamp:
                    timestamp = isNull ? null
                        : reader.TokenType == JsonTokenType.String && reader.TryGetDateTimeOffset(out var t) ? t : throw WrongType(PathOf(index, field.Wire));
                    break;
                case Field.Dimensions:
                    if (isNull)
                    {
                        dimensions = null;
                        dimensionsJson = null;
                        break;
                    }
                    if (reader.TokenType != JsonTokenType.StartObject) throw WrongType(PathOf(index, field.Wire));
                    var start = (int)reader.TokenStartIndex;
                    dimensions = ReadDimensions(ref reader, pool, index, out var repeated);
                    // The object as it came, to store as it is (valid JSON of string values, checked just now), unless a
                    // key came twice: then the dimensions as kept, the later value winning.
                    dimensionsJson = repeated ? MetricBatch.DimensionsJsonOf(dimensions) : Encoding.UTF8.GetString(body[start..(int)reader.BytesConsumed]);
                    break;
            }
        }
        if (reader.TokenType != JsonTokenType.EndObject) throw new JsonException();
        return new MetricEventInput(name, value, module, dimensions, timestamp, customerId);
    }

    /// <summary>
    /// A JSON number as a double; one too large for a double is infinite, as <see cref="double.Parse(string)"/> reads it,
    /// so that validation refuses it with the other out-of-range values.
    /// </summary>
    private static double NumberOf(ref Utf8JsonReader reader) =>
        reader.TryGetDouble(out var value) ? value
        : reader.ValueSpan[0] == (byte)'-' ? double.NegativeInfinity : double.PositiveInfinity;

    private static Dictionary<string, string> ReadDimensions(ref Utf8JsonReader reader, StringPool pool, int index, out bool repeated)
    {
        var dimensions = new Dictionary<string, string>(4, StringComparer.Ordinal);
        var read = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            read++;
            var key = pool.Text(ref reader)!;
            reader.Read();
            // A null value is kept, so that validation names the key; a later duplicate wins, as in the serializer.
            dimensions[key] = reader.TokenType == JsonTokenType.Null ? null!
                : pool.Text(ref reader) ?? throw WrongType(PathOf(index, $"dimensions.{Truncated(key)}"));
        }
        repeated = read != dimensions.Count;
        return dimensions;
    }

    private enum Field { Unknown, Name, Value, Module, Dimensions, Timestamp, CustomerId }

    private static readonly (Field Field, string Wire, byte[] Utf8)[] Fields =
    [
        (Field.Name, "name", "name"u8.ToArray()),
        (Field.Value, "value", "value"u8.ToArray()),
        (Field.Module, "module", "module"u8.ToArray()),
        (Field.Dimensions, "dimensions", "dimensions"u8.ToArray()),
        (Field.Timestamp, "timestamp", "timestamp"u8.ToArray()),
        (Field.CustomerId, "customer_id", "customer_id"u8.ToArray()),
    ];

    private static (Field Field, string Wire) FieldOf(ref Utf8JsonReader reader)
    {
        ReadOnlySpan<byte> raw = reader.ValueIsEscaped ? Encoding.UTF8.GetBytes(reader.GetString()!) : reader.ValueSpan;
        foreach (var (field, wire, utf8) in Fields)
            if (System.Text.Ascii.EqualsIgnoreCase(raw, utf8)) return (field, wire);
        return (Field.Unknown, "");
    }

    /// <summary>A field's path in error messages, made only when there is an error: <c>value</c> or <c>[3].value</c>.</summary>
    private static string PathOf(int index, string field) => index < 0 ? field : $"[{index}].{field}";

    private static string Truncated(string name) => name.Length <= 64 ? name : name[..64];

    private static InvalidInputException WrongType(string path) => new(path, "This value has the wrong type.");

    /// <summary>One instance of each distinct short string of a body.</summary>
    private sealed class StringPool
    {
        private readonly HashSet<string> _strings = new(StringComparer.Ordinal);

        /// <summary>The string or property name the reader is on; null when it is on something else.</summary>
        public string? Text(ref Utf8JsonReader reader)
        {
            if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.PropertyName)) return null;
            var length = reader.ValueSpan.Length;
            if (length > MaxPooledChars) return reader.GetString()!;
            Span<char> chars = stackalloc char[MaxPooledChars];
            var written = reader.CopyString(chars);
            var lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();
            if (lookup.TryGetValue(chars[..written], out var known)) return known;
            var text = new string(chars[..written]);
            _strings.Add(text);
            return text;
        }
    }
}

/// <summary>The events of one request as <see cref="MetricEventReader"/> read them, with each one's dimensions as received JSON.</summary>
public sealed class MetricEventList(List<MetricEventInput> events, List<string?> dimensionsJson) : IReadOnlyList<MetricEventInput>
{
    public MetricEventInput this[int index] => events[index];
    public int Count => events.Count;

    /// <summary>The dimensions of event <paramref name="index"/> as a JSON object, <c>{}</c> when it has none.</summary>
    public string DimensionsJsonAt(int index) => events[index].Dimensions is { Count: > 0 } ? dimensionsJson[index]! : "{}";

    public IEnumerator<MetricEventInput> GetEnumerator() => events.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
