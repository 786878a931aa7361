using ContinuousImprovement.Core.Review;
using ContinuousImprovement.Core.Sampling;
using ContinuousImprovement.Core.Storage;

namespace ContinuousImprovement.Core.Ports;

/// <summary>What a reviewer is asked: the image, the labels to choose from, and what the model thought.</summary>
public sealed record ReviewRequest(string HumanLoopName, S3ObjectRef Image, IReadOnlyList<string> Labels, Prediction Prediction, IReadOnlyList<string> Reasons);

/// <summary>Whether a start created a loop or found the same one already there (a re-delivered event).</summary>
public enum ReviewStart
{
    Started,
    AlreadyStarted,
}

/// <summary>
/// Human review with more than one backend: Amazon A2I for accounts that have it, our own review portal
/// otherwise. Both write the same output JSON where the review-filing workflow reads it.
/// </summary>
public interface IHumanReview
{
    /// <summary>Starts a loop under a deterministic name; the same name twice starts nothing new.</summary>
    Task<ReviewStart> StartAsync(ReviewRequest request, CancellationToken cancellationToken);

    Task<HumanLoopStatus?> StatusAsync(string humanLoopName, CancellationToken cancellationToken);
}
