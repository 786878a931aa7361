using ContinuousImprovement.Asl.Json;

namespace ContinuousImprovement.Asl.Intrinsics.Functions;

/// <summary><c>States.ArrayLength(array)</c>: the number of items.</summary>
internal sealed class StatesArrayLength : IntrinsicFunction
{
    public static readonly StatesArrayLength Instance = new();

    private StatesArrayLength()
    {
    }

    public override string Name => "States.ArrayLength";

    public override int MinArguments => 1;

    public override JsonValue Invoke(IntrinsicCall call, in IntrinsicScope scope) =>
        new JsonNumber(IntrinsicValues.Array(call, 0, scope).Count);
}
