namespace ContinuousImprovement.Core.Parameters;

/// <summary>
/// A validated parameter value. <see cref="Canonical"/> is the normalized string form: it is what gets
/// remembered as the last good value and what the twin shows, so "TRUE " and "true" are the same value.
/// </summary>
public abstract record ParameterValue(string Canonical);

public sealed record BooleanValue(bool Value) : ParameterValue(Value ? "true" : "false");

public sealed record IntegerValue(long Value) : ParameterValue(Value.ToString());

public sealed record NumberValue(double Value) : ParameterValue(Value.ToString("R"));

public sealed record ChoiceValue(string Value) : ParameterValue(Value);

public sealed record ListValue(IReadOnlyList<string> Items) : ParameterValue(string.Join(",", Items))
{
    public bool Equals(ListValue? other) => other is not null && Items.SequenceEqual(other.Items);

    public override int GetHashCode() => Canonical.GetHashCode(StringComparison.Ordinal);
}
