using ContinuousImprovement.Asl.Json;

namespace ContinuousImprovement.Asl.Intrinsics;

/// <summary>What one evaluation sees: the input <c>$</c> paths read, the context <c>$$</c> paths read, and randomness.</summary>
internal readonly struct IntrinsicScope(JsonValue input, JsonValue context, IIntrinsicEnvironment environment)
{
    public JsonValue Input { get; } = input;

    public JsonValue Context { get; } = context;

    public IIntrinsicEnvironment Environment { get; } = environment;
}
