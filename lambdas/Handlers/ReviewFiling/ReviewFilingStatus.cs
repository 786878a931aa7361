namespace ContinuousImprovement.Handlers.ReviewFiling;

/// <summary>How one review ended (<see cref="ReviewFilingOutcome.Status"/>).</summary>
public static class ReviewFilingStatus
{
    /// <summary>The image was copied under its human label(s) and the label recorded.</summary>
    public const string Filed = "filed";

    /// <summary>The same review was filed before (a duplicate or late event): nothing new.</summary>
    public const string AlreadyFiled = "already-filed";

    /// <summary>A human judgment that files nothing (a reject answer, a tie), recorded.</summary>
    public const string Recorded = "recorded";

    /// <summary>The review gave nothing to file and an operator is told why; the image stays where it was.</summary>
    public const string Failed = "review-failed";
}
