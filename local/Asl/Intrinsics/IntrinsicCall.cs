using ContinuousImprovement.Asl.Json;

namespace ContinuousImprovement.Asl.Intrinsics;

/// <summary>A compiled <c>States.Name(arg, ...)</c>; functions evaluate only the arguments they need, in order.</summary>
internal sealed class IntrinsicCall(IntrinsicFunction function, IntrinsicArgument[] arguments, string source)
{
    public IntrinsicFunction Function { get; } = function;

    public string Source { get; } = source;

    public int ArgumentCount => arguments.Length;

    public IntrinsicArgument ArgumentAt(int index) => arguments[index];

    public JsonValue Evaluate(in IntrinsicScope scope) => Function.Invoke(this, scope);

    public JsonValue Argument(int index, in IntrinsicScope scope) => arguments[index].Evaluate(scope);
}
