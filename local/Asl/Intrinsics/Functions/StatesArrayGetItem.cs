using ContinuousImprovement.Asl.Json;

namespace ContinuousImprovement.Asl.Intrinsics.Functions;

/// <summary>
/// <c>States.ArrayGetItem(array, index)</c>: the item at a zero-based index, e.g. index 5 of <c>[1..9]</c> is 6.
/// An index outside the array is a failure, not null.
/// </summary>
internal sealed class StatesArrayGetItem : IntrinsicFunction
{
    public static readonly StatesArrayGetItem Instance = new();

    private StatesArrayGetItem()
    {
    }

    public override string Name => "States.ArrayGetItem";

    public override int MinArguments => 2;

    public override JsonValue Invoke(IntrinsicCall call, in IntrinsicScope scope)
    {
        var array = IntrinsicValues.Array(call, 0, scope);
        var index = IntrinsicValues.Integer(call, 1, scope);
        if (index < 0 || index >= array.Count)
        {
            throw IntrinsicValues.Failure(call, $"the index {index} is outside the array, which has {array.Count} item(s).");
        }

        return array[index];
    }
}
