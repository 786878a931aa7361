using ContinuousImprovement.Asl.Json;
using ContinuousImprovement.Asl.Paths.Selectors;

namespace ContinuousImprovement.Asl.Paths;

/// <summary>
/// Collects the matches of an indefinite path. Selectors hand each node they select to <see cref="Continue"/>,
/// which runs the rest of the path on it; no delegates, so no closure per node.
/// </summary>
internal sealed class PathEvaluation(PathSelector[] selectors, JsonValue root)
{
    private readonly List<JsonValue> results = [];

    /// <summary>The document root, which <c>$</c> inside a filter refers to.</summary>
    public JsonValue Root { get; } = root;

    public void Continue(int next, JsonValue node)
    {
        if (next == selectors.Length)
        {
            results.Add(node);
        }
        else
        {
            selectors[next].Apply(node, this, next + 1);
        }
    }

    public JsonArray ToArray() => results.Count == 0 ? JsonArray.Empty : new JsonArray(results.ToArray());
}
