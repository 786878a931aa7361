namespace ContinuousImprovement.Core.Review;

/// <summary>What the workers' answers add up to. A closed set: the cases are the nested records.</summary>
public abstract record ConsolidationOutcome
{
    private ConsolidationOutcome()
    {
    }

    /// <summary>Single-select: <paramref name="Label"/> got strictly more votes than any other label.</summary>
    public sealed record Labeled(string Label) : ConsolidationOutcome;

    /// <summary>Multi-select: each of <paramref name="Labels"/> was chosen by more than half of the workers.</summary>
    public sealed record MultiLabeled(IReadOnlyList<string> Labels) : ConsolidationOutcome;

    /// <summary>Single-select: <paramref name="Candidates"/> share the highest vote count.</summary>
    public sealed record Tie(IReadOnlyList<string> Candidates) : ConsolidationOutcome;

    /// <summary>Multi-select: no label was chosen by more than half of the workers; <paramref name="Candidates"/> were chosen by some.</summary>
    public sealed record NoConsensus(IReadOnlyList<string> Candidates) : ConsolidationOutcome;

    /// <summary>The winning answer is a reject answer such as "None of the Above".</summary>
    public sealed record Rejected(string Answer) : ConsolidationOutcome;

    /// <summary>The loop closed with no worker answer at all.</summary>
    public sealed record NoAnswer : ConsolidationOutcome;

    /// <summary>Workers answered, but no answer carries a label (the task template has no label element).</summary>
    public sealed record Unlabeled(int Answers) : ConsolidationOutcome;
}
