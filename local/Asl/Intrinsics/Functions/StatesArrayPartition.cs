using ContinuousImprovement.Asl.Json;

namespace ContinuousImprovement.Asl.Intrinsics.Functions;

/// <summary>
/// <c>States.ArrayPartition(array, size)</c>: consecutive chunks of <c>size</c> items, the last possibly
/// shorter. Worked example: <c>[1..9]</c> by 4 gives <c>[[1,2,3,4],[5,6,7,8],[9]]</c>; <c>[]</c> gives <c>[]</c>.
/// </summary>
internal sealed class StatesArrayPartition : IntrinsicFunction
{
    public static readonly StatesArrayPartition Instance = new();

    private StatesArrayPartition()
    {
    }

    public override string Name => "States.ArrayPartition";

    public override int MinArguments => 2;

    public override JsonValue Invoke(IntrinsicCall call, in IntrinsicScope scope)
    {
        var array = IntrinsicValues.Array(call, 0, scope);
        var size = IntrinsicValues.Integer(call, 1, scope);
        if (size <= 0)
        {
            throw IntrinsicValues.Failure(call, $"the chunk size (argument 2) must be a positive integer, but {IntrinsicValues.Subject(call, 1)} {size}.");
        }

        var items = array.AsSpan();
        var chunks = new JsonValue[(items.Length + size - 1) / size];
        for (var i = 0; i < chunks.Length; i++)
        {
            var start = i * size;
            chunks[i] = new JsonArray(items.Slice(start, Math.Min(size, items.Length - start)).ToArray());
        }

        return chunks.Length == 0 ? JsonArray.Empty : new JsonArray(chunks);
    }
}
