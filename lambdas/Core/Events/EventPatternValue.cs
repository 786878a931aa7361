namespace ContinuousImprovement.Core.Events;

/// <summary>One alternative of a pattern field (an exact value or an operator), tested against one leaf of the event.</summary>
internal abstract class EventPatternValue
{
    public abstract bool Matches(ref EventPatternScalar value);
}
