using ContinuousImprovement.Asl.Json;

namespace ContinuousImprovement.Asl.Intrinsics.Functions;

/// <summary>
/// <c>States.MathAdd(a, b)</c>: the sum of two integers, e.g. <c>(111, -1)</c> gives 110. Fractions are
/// rounded half up first, as AWS does: <c>(1.5, 1.51)</c> gives 4 and <c>(-0.5, 0.5)</c> gives 1.
/// </summary>
internal sealed class StatesMathAdd : IntrinsicFunction
{
    public static readonly StatesMathAdd Instance = new();

    private StatesMathAdd()
    {
    }

    public override string Name => "States.MathAdd";

    public override int MinArguments => 2;

    public override JsonValue Invoke(IntrinsicCall call, in IntrinsicScope scope)
    {
        long a = IntrinsicValues.Integer(call, 0, scope);
        long b = IntrinsicValues.Integer(call, 1, scope);
        return new JsonNumber(a + b);
    }
}
