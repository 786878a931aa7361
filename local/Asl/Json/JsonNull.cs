using System.Text.Json;

namespace ContinuousImprovement.Asl.Json;

public sealed class JsonNull : JsonValue
{
    internal static readonly JsonNull Instance = new();

    private JsonNull()
    {
    }

    public override JsonKind Kind => JsonKind.Null;

    public override void WriteTo(Utf8JsonWriter writer) => writer.WriteNullValue();

    public override bool Equals(JsonValue? other) => other is JsonNull;

    public override int GetHashCode() => 0;

    private protected override int ComputeUtf8Size() => 4;
}
