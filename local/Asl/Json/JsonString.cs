using System.Text.Json;

namespace ContinuousImprovement.Asl.Json;

public sealed class JsonString : JsonValue
{
    public JsonString(string value) => Value = value ?? throw new ArgumentNullException(nameof(value));

    public string Value { get; }

    public override JsonKind Kind => JsonKind.String;

    public override void WriteTo(Utf8JsonWriter writer) => writer.WriteStringValue(Value);

    public override bool Equals(JsonValue? other) => other is JsonString s && string.Equals(s.Value, Value, StringComparison.Ordinal);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    private protected override int ComputeUtf8Size() => StringLiteralSize(Value);
}
