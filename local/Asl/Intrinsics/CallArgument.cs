using ContinuousImprovement.Asl.Json;

namespace ContinuousImprovement.Asl.Intrinsics;

/// <summary>A nested call, e.g. the <c>States.ArrayLength($.a)</c> in <c>States.Format('{}', States.ArrayLength($.a))</c>.</summary>
internal sealed class CallArgument(IntrinsicCall call) : IntrinsicArgument(call.Source)
{
    public override JsonValue Evaluate(in IntrinsicScope scope) => call.Evaluate(scope);
}
