namespace ContinuousImprovement.Core.Events;

/// <summary>
/// <c>anything-but</c>: a leaf matches when none of the excluded forms (values, prefixes, suffixes, ignore-case
/// values, wildcards) matches it. A missing field has no leaf, so it does not match, as in EventBridge.
/// </summary>
internal sealed class EventPatternAnythingBut(EventPatternValue[] excluded) : EventPatternValue
{
    public override bool Matches(ref EventPatternScalar value)
    {
        foreach (var form in excluded)
        {
            if (form.Matches(ref value))
            {
                return false;
            }
        }

        return true;
    }
}
