using ContinuousImprovement.Asl.Json;

namespace ContinuousImprovement.Asl.Intrinsics;

/// <summary>One compiled argument of an intrinsic call: a literal, a path, or a nested call.</summary>
internal abstract class IntrinsicArgument(string source)
{
    /// <summary>The argument as written, so failures can name it.</summary>
    public string Source { get; } = source;

    public abstract JsonValue Evaluate(in IntrinsicScope scope);
}
