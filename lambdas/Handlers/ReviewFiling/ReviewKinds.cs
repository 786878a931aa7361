namespace ContinuousImprovement.Handlers.ReviewFiling;

/// <summary>The catalog's event kinds the review-filing workflow raises.</summary>
public static class ReviewKinds
{
    public const string ReviewCompleted = "review-completed";
    public const string ReviewFailed = "review-failed";
    public const string ImageFiled = "image-filed";
}
