using ContinuousImprovement.Asl.Json;

namespace ContinuousImprovement.Asl.Intrinsics.Functions;

/// <summary><c>States.UUID()</c>: a version 4 UUID in lowercase, e.g. <c>"ca4c1140-dcc1-40cd-ad05-7b4aa23df4a8"</c>.</summary>
internal sealed class StatesUuid : IntrinsicFunction
{
    public static readonly StatesUuid Instance = new();

    private StatesUuid()
    {
    }

    public override string Name => "States.UUID";

    public override int MinArguments => 0;

    public override JsonValue Invoke(IntrinsicCall call, in IntrinsicScope scope) =>
        new JsonString(scope.Environment.NewGuid().ToString("D"));
}
