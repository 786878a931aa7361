using ContinuousImprovement.Asl.Json;
using ContinuousImprovement.Asl.Paths;

namespace ContinuousImprovement.Asl.Intrinsics;

/// <summary>A <c>$...</c> path read from the state input, or a <c>$$...</c> path read from the context object.</summary>
internal sealed class PathArgument(JsonPath path) : IntrinsicArgument(path.Text)
{
    public override JsonValue Evaluate(in IntrinsicScope scope)
    {
        var root = path.IsContextPath ? scope.Context : scope.Input;
        if (path.TryEvaluate(root, out var value))
        {
            return value;
        }

        throw new AslRuntimeException(
            StatesErrors.IntrinsicFailure,
            $"The JSONPath '{path.Text}' could not be found in the {(path.IsContextPath ? "context object" : "input")}.");
    }
}
