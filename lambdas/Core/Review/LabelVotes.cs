namespace ContinuousImprovement.Core.Review;

/// <summary>How many workers chose <paramref name="Label"/> (trimmed), for the inference log.</summary>
public sealed record LabelVotes(string Label, int Votes);
