namespace ContinuousImprovement.Handlers.ReviewFiling;

/// <summary>What the workflow does with one review event (<see cref="ReviewRead.Action"/>); the definition's Choice matches these.</summary>
public static class ReviewActions
{
    /// <summary>Reviewers agreed on label(s): copy the image into their folders, record the label, notify.</summary>
    public const string File = "file";

    /// <summary>A judgment that files nothing (a reject answer, a tie, no consensus): record it and notify in the digest.</summary>
    public const string Record = "record";

    /// <summary>Something an operator must see (failed, stopped or expired loop, no answer, unreadable output).</summary>
    public const string Notify = "notify";

    /// <summary>Not a review event for this workflow, or a loop still running: nothing to do.</summary>
    public const string Ignore = "ignore";
}
