using ContinuousImprovement.Asl.Tasks;

namespace ContinuousImprovement.Asl.Definition;

/// <summary>What compiling a definition needs besides the JSON: where Task resources resolve, and the problem list.</summary>
internal sealed record LoadContext(TaskRegistry Registry, List<string> Problems)
{
    /// <summary>
    /// Every state name seen so far, across the top level, Parallel branches and Map item processors: the ASL
    /// spec makes state names unique within the whole state machine, and AWS refuses a repeated one
    /// (asl-validator reports it as DUPLICATE_STATE_NAME), so the names in history events are unambiguous.
    /// </summary>
    public HashSet<string> StateNames { get; } = new(StringComparer.Ordinal);
}
