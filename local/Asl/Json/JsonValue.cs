using System.Buffers;
using System.Text;
using System.Text.Json;

namespace ContinuousImprovement.Asl.Json;

/// <summary>
/// An immutable JSON value. State data flows through every state of every execution; immutability lets a
/// state pass its input on, or place it under a ResultPath, without copying it (System.Text.Json.Nodes
/// nodes have a parent and must be deep-cloned to appear twice).
/// </summary>
public abstract class JsonValue : IEquatable<JsonValue>
{
    /// <summary>Non-ASCII text stays readable; only what JSON requires (and a few unsafe characters) is escaped.</summary>
    internal static readonly System.Text.Encodings.Web.JavaScriptEncoder Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    private int size = -1;

    private protected JsonValue()
    {
    }

    public static JsonValue Null => JsonNull.Instance;

    public static JsonValue True => JsonBoolean.TrueValue;

    public static JsonValue False => JsonBoolean.FalseValue;

    public abstract JsonKind Kind { get; }

    public static JsonValue From(bool value) => value ? JsonBoolean.TrueValue : JsonBoolean.FalseValue;

    public static JsonValue From(double value) => new JsonNumber(value);

    public static JsonValue From(string? value) => value is null ? JsonNull.Instance : new JsonString(value);

    /// <summary>Parses JSON text; throws <see cref="JsonException"/> for anything that is not exactly one JSON value.</summary>
    public static JsonValue Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(json.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(json, bytes);
            return Parse(bytes.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    public static JsonValue Parse(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = 512 });
        if (!reader.Read())
        {
            throw new JsonException("Expected a JSON value, found nothing.");
        }

        var value = JsonReading.ReadValue(ref reader);
        if (reader.Read())
        {
            throw new JsonException($"Unexpected {reader.TokenType} after the JSON value.");
        }

        return value;
    }

    public abstract void WriteTo(Utf8JsonWriter writer);

    /// <summary>Compact JSON text.</summary>
    public string ToJson()
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = Encoder, SkipValidation = true }))
        {
            WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>
    /// UTF-8 size of the compact JSON text: what Step Functions' 256 KiB payload limit counts. Computed once
    /// per value and remembered, so checking every state's output costs only the parts that are new.
    /// </summary>
    public int Utf8Size()
    {
        if (size < 0)
        {
            size = ComputeUtf8Size();
        }

        return size;
    }

    private protected abstract int ComputeUtf8Size();

    /// <summary>Size of a JSON string literal, quotes and escapes included, exactly as <see cref="ToJson"/> writes it.</summary>
    internal static int StringLiteralSize(string text)
    {
        // Most strings are printable ASCII with nothing to escape; the rest are measured by the writer's encoder.
        foreach (var c in text)
        {
            if (c is < ' ' or > '~' or '"' or '\\')
            {
                return 2 + JsonEncodedText.Encode(text, Encoder).EncodedUtf8Bytes.Length;
            }
        }

        return 2 + text.Length;
    }

    public override string ToString() => ToJson();

    public abstract bool Equals(JsonValue? other);

    public override bool Equals(object? obj) => obj is JsonValue other && Equals(other);

    public abstract override int GetHashCode();

    public static bool operator ==(JsonValue? left, JsonValue? right) => left is null ? right is null : left.Equals(right);

    public static bool operator !=(JsonValue? left, JsonValue? right) => !(left == right);
}
