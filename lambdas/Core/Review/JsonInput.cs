using System.Globalization;
using System.Text.Json;

namespace ContinuousImprovement.Core.Review;

/// <summary>
/// Reading of untrusted JSON documents with <see cref="JsonDocument"/> (no reflection, AOT-safe): parse errors
/// become messages, and field reads say which path had which JSON type.
/// </summary>
internal static class JsonInput
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 64 };

    public static ReviewParseResult<T> Parse<T>(string json, string what, Func<JsonElement, ReviewParseResult<T>> read)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json, Options);
            return read(document.RootElement);
        }
        catch (JsonException e)
        {
            return ReviewParseResults.Fail<T>($"{what} is not valid JSON: {e.Message}");
        }
    }

    public static ReviewParseResult<T> Parse<T>(ReadOnlySpan<byte> utf8Json, string what, Func<JsonElement, ReviewParseResult<T>> read)
        where T : class
    {
        // S3 objects written by hand in an editor may start with a byte order mark; JSON itself never needs one.
        if (utf8Json.StartsWith("\uFEFF"u8))
        {
            utf8Json = utf8Json[3..];
        }

        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = Options.MaxDepth });
        try
        {
            using var document = JsonDocument.ParseValue(ref reader);
            if (reader.Read())
            {
                return ReviewParseResults.Fail<T>($"{what} has content after its JSON value, at byte {reader.TokenStartIndex}");
            }

            return read(document.RootElement);
        }
        catch (JsonException e)
        {
            return ReviewParseResults.Fail<T>($"{what} is not valid JSON: {e.Message}");
        }
    }

    /// <summary>A property's value when it is present and not JSON null.</summary>
    public static bool TryGet(JsonElement obj, string name, out JsonElement value)
    {
        if (obj.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null)
        {
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>A string property, or null when absent, JSON null or another type (for informational fields).</summary>
    public static string? OptionalString(JsonElement obj, string name) =>
        TryGet(obj, name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static double? OptionalNumber(JsonElement obj, string name)
    {
        if (!TryGet(obj, name, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number))
        {
            return number;
        }

        return value.ValueKind == JsonValueKind.String
            && double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out number)
            && double.IsFinite(number)
                ? number
                : null;
    }

    public static DateTimeOffset? OptionalTimestamp(JsonElement obj, string name) =>
        TryGet(obj, name, out var value) && value.ValueKind == JsonValueKind.String
            && value.TryGetDateTimeOffset(out var timestamp)
                ? timestamp
                : null;

    /// <summary>"a string", "an object", ... for error messages.</summary>
    public static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "missing",
    };
}
