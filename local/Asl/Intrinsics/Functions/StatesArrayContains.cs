using ContinuousImprovement.Asl.Json;

namespace ContinuousImprovement.Asl.Intrinsics.Functions;

/// <summary><c>States.ArrayContains(array, value)</c>: whether an item equals the value (deep equality, numbers by value).</summary>
internal sealed class StatesArrayContains : IntrinsicFunction
{
    public static readonly StatesArrayContains Instance = new();

    private StatesArrayContains()
    {
    }

    public override string Name => "States.ArrayContains";

    public override int MinArguments => 2;

    public override JsonValue Invoke(IntrinsicCall call, in IntrinsicScope scope)
    {
        var array = IntrinsicValues.Array(call, 0, scope);
        var wanted = call.Argument(1, scope);
        foreach (var item in array.AsSpan())
        {
            if (item.Equals(wanted))
            {
                return JsonValue.True;
            }
        }

        return JsonValue.False;
    }
}
