using System.Text.Json;

namespace ContinuousImprovement.Core.Events;

/// <summary><c>true</c>, <c>false</c> or <c>null</c> in a pattern: matches that literal only (null is not "" and not a missing field).</summary>
internal sealed class EventPatternExactLiteral(JsonValueKind kind) : EventPatternValue
{
    public override bool Matches(ref EventPatternScalar value) => value.Kind == kind;
}
