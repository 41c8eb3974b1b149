using System.Text.Json;
using System.Text.Json.Serialization;
using Analytics.Core.Metrics;

namespace Analytics.Benchmarks;

/// <summary>The JSON of <c>POST /api/{tenant}/metrics</c> as the API reads it (snake_case, unknown fields refused).</summary>
public static class WireFormat
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        NumberHandling = JsonNumberHandling.Strict,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        MaxDepth = 16,
    };

    public static byte[] Serialize(IReadOnlyList<MetricEventInput> events) => JsonSerializer.SerializeToUtf8Bytes(events, Options);

    public static byte[] Serialize(MetricEventInput single) => JsonSerializer.SerializeToUtf8Bytes(single, Options);

    /// <summary>The events of a body, read as the API reads them.</summary>
    public static IReadOnlyList<MetricEventInput> Parse(byte[] body) => MetricEventReader.Read(body);
}
