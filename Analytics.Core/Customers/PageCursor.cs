using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using Analytics.Core.Errors;

namespace Analytics.Core.Customers;

/// <summary>An opaque keyset cursor: the last row's sort value and id, base64url-encoded JSON.</summary>
public static class PageCursor
{
    public static string Encode(object? value, long id) =>
        Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(new object?[] { value, id }));

    /// <summary>The sort value (a string, a number or null) and id; a malformed cursor is a 400 on <c>cursor</c>.</summary>
    public static (JsonElement Value, long Id) Decode(string cursor)
    {
        try
        {
            using var document = JsonDocument.Parse(Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor)));
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Array && root.GetArrayLength() == 2 && root[1].TryGetInt64(out var id))
                return (root[0].Clone(), id);
        }
        catch (Exception e) when (e is FormatException or JsonException or ArgumentException)
        {
        }
        throw new InvalidInputException("cursor", "Not a cursor of this list; use the next_cursor of the previous page.");
    }
}
