namespace ContinuousImprovement.Handlers.ReviewFiling;

/// <summary>The execution's state so far: the review read and, when the image was to be filed, how filing went.</summary>
public sealed record ConcludeRequest(ReviewFilingProgress Progress);
