namespace ContinuousImprovement.Core.Filing;

/// <summary>Where a labeled copy goes, given what already exists. A closed set: the cases are the nested records.</summary>
public abstract record FilingDecision
{
    private FilingDecision()
    {
    }

    /// <summary>Copy the image to <paramref name="Key"/>, which holds nothing yet.</summary>
    public sealed record FileTo(string Key) : FilingDecision;

    /// <summary><paramref name="Key"/> already holds this very image (same ETag): nothing to do.</summary>
    public sealed record AlreadyFiled(string Key) : FilingDecision;

    /// <summary>Every candidate holds another object; an operator must look (should not happen in practice).</summary>
    public sealed record NoFreeKey(IReadOnlyList<string> Candidates) : FilingDecision;
}
