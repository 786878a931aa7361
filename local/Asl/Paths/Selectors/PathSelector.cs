using ContinuousImprovement.Asl.Json;

namespace ContinuousImprovement.Asl.Paths.Selectors;

/// <summary>One step of a compiled path: picks nodes out of the node the previous step selected.</summary>
internal abstract class PathSelector
{
    /// <summary>True when the step selects at most one node, as a name or a single index does.</summary>
    public abstract bool IsDefinite { get; }

    /// <summary>How a reference-path error names this step, e.g. "the wildcard '*'".</summary>
    public abstract string Description { get; }

    /// <summary>Hands every node this step selects from <paramref name="node"/> on to <paramref name="evaluation"/>.</summary>
    public abstract void Apply(JsonValue node, PathEvaluation evaluation, int next);

    /// <summary>The definite-path fast path: selects the single node without collecting anything.</summary>
    public virtual bool TrySelectOne(JsonValue node, out JsonValue selected) =>
        throw new InvalidOperationException($"{Description} is not a definite step.");
}
