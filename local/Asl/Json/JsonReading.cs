using System.Text.Json;

namespace ContinuousImprovement.Asl.Json;

internal static class JsonReading
{
    /// <summary>Reads the value the reader is positioned on (its first token already read).</summary>
    public static JsonValue ReadValue(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return JsonValue.Null;
            case JsonTokenType.True:
                return JsonValue.True;
            case JsonTokenType.False:
                return JsonValue.False;
            case JsonTokenType.Number:
                var number = reader.GetDouble();
                return new JsonNumber(double.IsFinite(number) ? number : throw new JsonException("A JSON number is too large for a double."));
            case JsonTokenType.String:
                return new JsonString(reader.GetString()!);
            case JsonTokenType.StartArray:
                var items = new List<JsonValue>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(ReadValue(ref reader));
                }

                return items.Count == 0 ? JsonArray.Empty : new JsonArray(items.ToArray());
            case JsonTokenType.StartObject:
                var builder = new JsonObject.Builder();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var key = reader.GetString()!;
                    reader.Read();
                    builder.Set(key, ReadValue(ref reader));
                }

                return builder.Build();
            default:
                throw new JsonException($"Unexpected JSON token {reader.TokenType}.");
        }
    }
}
