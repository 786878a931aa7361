using ContinuousImprovement.Asl.Json;

namespace ContinuousImprovement.Asl.Intrinsics.Functions;

/// <summary>
/// <c>States.JsonMerge(first, second, false)</c>: a shallow merge where the second object's members win.
/// Step Functions only supports the shallow mode, so <c>true</c> is a failure. Worked example:
/// <c>{"a":{"a1":1},"b":2}</c> merged with <c>{"a":{"a3":1},"c":3}</c> gives <c>{"a":{"a3":1},"b":2,"c":3}</c>.
/// </summary>
internal sealed class StatesJsonMerge : IntrinsicFunction
{
    public static readonly StatesJsonMerge Instance = new();

    private StatesJsonMerge()
    {
    }

    public override string Name => "States.JsonMerge";

    public override int MinArguments => 3;

    public override JsonValue Invoke(IntrinsicCall call, in IntrinsicScope scope)
    {
        var first = IntrinsicValues.Object(call, 0, scope);
        var second = IntrinsicValues.Object(call, 1, scope);
        if (IntrinsicValues.Boolean(call, 2, scope))
        {
            throw IntrinsicValues.Failure(call, "deep merging is not supported; the third argument must be false.");
        }

        if (second.Count == 0)
        {
            return first;
        }

        if (first.Count == 0)
        {
            return second;
        }

        var merged = new JsonObject.Builder(first.Count + second.Count);
        foreach (var (key, value) in first)
        {
            merged.Set(key, value);
        }

        foreach (var (key, value) in second)
        {
            merged.Set(key, value);
        }

        return merged.Build();
    }
}
