using ContinuousImprovement.Asl.Intrinsics;
using ContinuousImprovement.Asl.Json;

namespace ContinuousImprovement.Asl.Tests.Intrinsics;

/// <summary>Deterministic randomness and a compact way to evaluate an expression on JSON text.</summary>
internal static class IntrinsicFixtures
{
    public static readonly Guid FixedGuid = Guid.Parse("ca4c1140-dcc1-40cd-ad05-7b4aa23df4a8");

    public static string Evaluate(string expression, string input = "{}", string context = "{}", IIntrinsicEnvironment? environment = null) =>
        IntrinsicExpression.Parse(expression)
            .Evaluate(JsonValue.Parse(input), JsonValue.Parse(context), environment ?? new FixedEnvironment(0.5))
            .ToJson();

    public static AslRuntimeException Failure(string expression, string input = "{}")
    {
        var parsed = IntrinsicExpression.Parse(expression);
        var failure = Assert.Throws<AslRuntimeException>(() => parsed.Evaluate(JsonValue.Parse(input), JsonObject.Empty, new FixedEnvironment(0.5)));
        Assert.Equal(StatesErrors.IntrinsicFailure, failure.Error);
        return failure;
    }

    public sealed class FixedEnvironment(double random) : IIntrinsicEnvironment
    {
        public double NextRandom() => random;

        public Guid NewGuid() => FixedGuid;
    }
}
