using ContinuousImprovement.Asl.Json;

namespace ContinuousImprovement.Asl.Intrinsics.Functions;

/// <summary><c>States.JsonToString(value)</c>: the compact JSON text of any value, e.g. <c>{"foo":"bar"}</c>.</summary>
internal sealed class StatesJsonToString : IntrinsicFunction
{
    public static readonly StatesJsonToString Instance = new();

    private StatesJsonToString()
    {
    }

    public override string Name => "States.JsonToString";

    public override int MinArguments => 1;

    public override JsonValue Invoke(IntrinsicCall call, in IntrinsicScope scope) => new JsonString(call.Argument(0, scope).ToJson());
}
