using System.Text.Json;

namespace ContinuousImprovement.Asl.Json;

public sealed class JsonBoolean : JsonValue
{
    internal static readonly JsonBoolean TrueValue = new(true);
    internal static readonly JsonBoolean FalseValue = new(false);

    private JsonBoolean(bool value) => Value = value;

    public bool Value { get; }

    public override JsonKind Kind => JsonKind.Boolean;

    public override void WriteTo(Utf8JsonWriter writer) => writer.WriteBooleanValue(Value);

    public override bool Equals(JsonValue? other) => other is JsonBoolean b && b.Value == Value;

    public override int GetHashCode() => Value ? 1 : 2;

    private protected override int ComputeUtf8Size() => Value ? 4 : 5;
}
