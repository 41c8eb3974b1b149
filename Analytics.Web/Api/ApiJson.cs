using System.Text.Json;
using System.Text.Json.Serialization;

namespace Analytics.Web.Api;

/// <summary>The wire format of the tenant API (seed 004): snake_case names, enums as lower-case strings.</summary>
public static class ApiJson
{
    public static readonly JsonSerializerOptions SnakeCase = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.DictionaryKeyPolicy = null;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        options.NumberHandling = JsonNumberHandling.Strict;
        options.MaxDepth = 16;
        return options;
    }
}
