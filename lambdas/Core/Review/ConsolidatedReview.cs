namespace ContinuousImprovement.Core.Review;

/// <summary>
/// A review's outcome with the evidence behind it: <paramref name="Votes"/> per trimmed label, most votes first
/// (ties by ordinal label order); <paramref name="Workers"/> is the number of answers;
/// <paramref name="AnswersWithoutLabel"/> those that carried no label; <paramref name="MultiSelect"/> whether
/// the multi-select rule applied.
/// </summary>
public sealed record ConsolidatedReview(
    ReviewOutput Review,
    ConsolidationOutcome Outcome,
    IReadOnlyList<LabelVotes> Votes,
    int Workers,
    int AnswersWithoutLabel,
    bool MultiSelect);
