using ContinuousImprovement.Asl.Json;

namespace ContinuousImprovement.Asl.Intrinsics.Functions;

/// <summary>
/// <c>States.ArrayUnique(array)</c>: the items without repeats, each kept where it first appears; equality is
/// deep, so <c>{"a":1,"b":2}</c> and <c>{"b":2,"a":1}</c> are repeats. <c>[1,2,3,3,3,3,3,3,4]</c> gives <c>[1,2,3,4]</c>.
/// </summary>
internal sealed class StatesArrayUnique : IntrinsicFunction
{
    public static readonly StatesArrayUnique Instance = new();

    private StatesArrayUnique()
    {
    }

    public override string Name => "States.ArrayUnique";

    public override int MinArguments => 1;

    public override JsonValue Invoke(IntrinsicCall call, in IntrinsicScope scope)
    {
        var array = IntrinsicValues.Array(call, 0, scope);
        var seen = new HashSet<JsonValue>(array.Count);
        var unique = new List<JsonValue>(array.Count);
        foreach (var item in array.AsSpan())
        {
            if (seen.Add(item))
            {
                unique.Add(item);
            }
        }

        return unique.Count == array.Count ? array : new JsonArray([.. unique]);
    }
}
