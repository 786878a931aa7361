using ContinuousImprovement.Asl.Json;

namespace ContinuousImprovement.Asl.Paths.Selectors;

/// <summary><c>[*]</c> or <c>.*</c>: every element of an array, or every member value of an object, in order.</summary>
internal sealed class WildcardSelector : PathSelector
{
    public static readonly WildcardSelector Instance = new();

    private WildcardSelector()
    {
    }

    public override bool IsDefinite => false;

    public override string Description => "the wildcard '*'";

    public override void Apply(JsonValue node, PathEvaluation evaluation, int next)
    {
        switch (node)
        {
            case JsonArray array:
                foreach (var item in array.AsSpan())
                {
                    evaluation.Continue(next, item);
                }

                break;
            case JsonObject obj:
                foreach (var member in obj)
                {
                    evaluation.Continue(next, member.Value);
                }

                break;
        }
    }
}
