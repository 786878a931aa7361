using ContinuousImprovement.Asl.Json;

namespace ContinuousImprovement.Asl.Intrinsics.Functions;

/// <summary><c>States.Array(values...)</c>: the values, in order, as an array; no arguments give <c>[]</c>.</summary>
internal sealed class StatesArray : IntrinsicFunction
{
    public static readonly StatesArray Instance = new();

    private StatesArray()
    {
    }

    public override string Name => "States.Array";

    public override int MinArguments => 0;

    public override int MaxArguments => int.MaxValue;

    public override JsonValue Invoke(IntrinsicCall call, in IntrinsicScope scope)
    {
        if (call.ArgumentCount == 0)
        {
            return JsonArray.Empty;
        }

        var items = new JsonValue[call.ArgumentCount];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = call.Argument(i, scope);
        }

        return new JsonArray(items);
    }
}
