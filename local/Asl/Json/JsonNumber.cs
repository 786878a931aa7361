using System.Globalization;
using System.Text.Json;

namespace ContinuousImprovement.Asl.Json;

/// <summary>A JSON number as a double, like the JavaScript and Java engines that run ASL in practice.</summary>
public sealed class JsonNumber : JsonValue
{
    public JsonNumber(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "JSON has no NaN or infinity.");
        }

        Value = value;
    }

    public double Value { get; }

    public bool IsInteger => Math.Floor(Value) == Value;

    public override JsonKind Kind => JsonKind.Number;

    public override void WriteTo(Utf8JsonWriter writer)
    {
        // Whole numbers print without a fraction or exponent, as JSON producers (and Step Functions) print them.
        if (IsInteger && Math.Abs(Value) < 1e15)
        {
            writer.WriteNumberValue((long)Value);
        }
        else
        {
            writer.WriteNumberValue(Value);
        }
    }

    public override bool Equals(JsonValue? other) => other is JsonNumber n && n.Value.Equals(Value);

    public override int GetHashCode() => Value.GetHashCode();

    private protected override int ComputeUtf8Size()
    {
        Span<byte> buffer = stackalloc byte[32];
        return IsInteger && Math.Abs(Value) < 1e15
            ? ((long)Value).TryFormat(buffer, out var written, default, CultureInfo.InvariantCulture) ? written : 0
            : Value.TryFormat(buffer, out written, "R", CultureInfo.InvariantCulture) ? written : 0;
    }

    public override string ToString() => IsInteger && Math.Abs(Value) < 1e15 ? ((long)Value).ToString(CultureInfo.InvariantCulture) : Value.ToString("R", CultureInfo.InvariantCulture);
}
