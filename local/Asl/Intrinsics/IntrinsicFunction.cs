using ContinuousImprovement.Asl.Json;

namespace ContinuousImprovement.Asl.Intrinsics;

/// <summary>One States.* function: its name, how many arguments it takes (checked at load), and what it does.</summary>
internal abstract class IntrinsicFunction
{
    public abstract string Name { get; }

    public abstract int MinArguments { get; }

    /// <summary>The most arguments accepted; <see cref="int.MaxValue"/> for States.Array and States.Format.</summary>
    public virtual int MaxArguments => MinArguments;

    /// <summary>Runs the function; bad argument values raise <c>States.IntrinsicFailure</c>.</summary>
    public abstract JsonValue Invoke(IntrinsicCall call, in IntrinsicScope scope);
}
