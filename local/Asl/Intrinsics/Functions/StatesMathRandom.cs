using ContinuousImprovement.Asl.Json;

namespace ContinuousImprovement.Asl.Intrinsics.Functions;

/// <summary>
/// <c>States.MathRandom(start, end[, seed])</c>: a random integer with <c>start &lt;= n &lt; end</c>. With a
/// seed the result depends only on the three arguments (same seed, same number), as AWS promises; the
/// sequence is not the one AWS's generator produces.
/// </summary>
internal sealed class StatesMathRandom : IntrinsicFunction
{
    public static readonly StatesMathRandom Instance = new();

    private StatesMathRandom()
    {
    }

    public override string Name => "States.MathRandom";

    public override int MinArguments => 2;

    public override int MaxArguments => 3;

    public override JsonValue Invoke(IntrinsicCall call, in IntrinsicScope scope)
    {
        long start = IntrinsicValues.Integer(call, 0, scope);
        long end = IntrinsicValues.Integer(call, 1, scope);
        if (end <= start)
        {
            throw IntrinsicValues.Failure(call, $"the end ({end}) must be greater than the start ({start}).");
        }

        var unit = call.ArgumentCount == 3
            ? Seeded(IntrinsicValues.Integer(call, 2, scope))
            : scope.Environment.NextRandom();
        var offset = (long)Math.Floor(unit * (end - start));
        return new JsonNumber(start + Math.Min(offset, end - start - 1));
    }

    // SplitMix64 of the seed, scaled to [0, 1): a fixed function, so a seed gives the same number everywhere.
    private static double Seeded(int seed)
    {
        var z = unchecked((ulong)seed + 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        z ^= z >> 31;
        return (z >> 11) * (1.0 / (1UL << 53));
    }
}
