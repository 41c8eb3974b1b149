using System.Text.Json;
using System.Text.Json.Serialization;
using Analytics.Core.Errors;

namespace Analytics.Web.Api;

/// <summary>Reads a JSON request body within a size limit; malformed JSON, wrong types and unknown fields are field errors.</summary>
public static class ApiBody
{
    public const long DefaultMaxBytes = 1024 * 1024;

    /// <summary>The tenant API's wire options, refusing fields the contract does not have.</summary>
    public static readonly JsonSerializerOptions Strict = new(ApiJson.SnakeCase)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static async Task<JsonDocument> ReadAsync(HttpRequest request, long maxBytes, CancellationToken ct)
    {
        var body = await ReadBytesAsync(request, maxBytes, ct);
        try
        {
            return JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            throw Invalid(e);
        }
    }

    /// <summary>The whole body, refused (413) past <paramref name="maxBytes"/>; one array of its declared length when it has one.</summary>
    public static async Task<byte[]> ReadBytesAsync(HttpRequest request, long maxBytes, CancellationToken ct)
    {
        if (request.ContentLength > maxBytes) throw TooLarge(maxBytes);
        if (request.ContentLength is { } length)
        {
            var body = new byte[length];
            await request.Body.ReadExactlyAsync(body, ct);
            return body;
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > maxBytes) throw TooLarge(maxBytes);
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    public static async Task<T> ReadAsync<T>(HttpRequest request, CancellationToken ct, long maxBytes = DefaultMaxBytes) where T : class =>
        await ReadAsync<T>(request, ct, Strict, maxBytes);

    /// <summary>Reads one JSON object with other wire options, such as seed 000's camelCase.</summary>
    public static async Task<T> ReadAsync<T>(HttpRequest request, CancellationToken ct, JsonSerializerOptions options, long maxBytes = DefaultMaxBytes) where T : class
    {
        using var document = await ReadAsync(request, maxBytes, ct);
        if (document.RootElement.ValueKind != JsonValueKind.Object) throw new InvalidInputException("body", "Send a JSON object.");
        return Deserialize<T>(document.RootElement, options: options);
    }

    /// <summary>Deserializes one element; <paramref name="path"/> (such as <c>[3]</c>) prefixes the field names of its errors.</summary>
    public static T Deserialize<T>(JsonElement element, string path = "", JsonSerializerOptions? options = null) where T : class
    {
        try
        {
            return element.Deserialize<T>(options ?? Strict) ?? throw new InvalidInputException(path.Length > 0 ? path : "body", "Send a JSON object.");
        }
        catch (JsonException e)
        {
            throw Invalid(e, path);
        }
    }

    private static InvalidInputException Invalid(JsonException e, string prefix = "")
    {
        var inner = e.Path is { Length: > 1 } p ? p.TrimStart('$').TrimStart('.') : "";
        var field = prefix.Length == 0 ? (inner.Length > 0 ? inner : "body") : inner.Length == 0 ? prefix : inner.StartsWith('[') ? prefix + inner : $"{prefix}.{inner}";
        var problem = e.Message.Contains("could not be converted", StringComparison.Ordinal) ? "This value has the wrong type."
            : e.Message.Contains("could not be mapped", StringComparison.Ordinal) ? "Unknown field."
            : $"Malformed JSON at line {e.LineNumber + 1}, position {e.BytePositionInLine + 1}.";
        return new InvalidInputException(field, problem);
    }

    private static TooLargeException TooLarge(long maxBytes) => new($"A request body has at most {maxBytes} bytes.");
}
