using ContinuousImprovement.Asl.Json;

namespace ContinuousImprovement.Asl.Intrinsics;

/// <summary>
/// A literal: a quoted string, a number, true, false or null. A quoted string also keeps its
/// <see cref="FormatTemplate"/>, because only the literal text knows which braces were escaped.
/// </summary>
internal sealed class LiteralArgument(string source, JsonValue value, FormatTemplate? template) : IntrinsicArgument(source)
{
    public JsonValue Value { get; } = value;

    public FormatTemplate? Template { get; } = template;

    public override JsonValue Evaluate(in IntrinsicScope scope) => Value;
}
