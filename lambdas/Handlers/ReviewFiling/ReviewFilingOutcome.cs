using ContinuousImprovement.Handlers.Contracts;

namespace ContinuousImprovement.Handlers.ReviewFiling;

/// <summary>
/// How one review ended (<see cref="ReviewFilingStatus"/>), in one line, with the notifications to send:
/// <paramref name="Review"/> (review-completed or review-failed) and <paramref name="Filed"/> (image-filed);
/// null: nothing new to say, e.g. for an output read a second time.
/// </summary>
public sealed record ReviewFilingOutcome(string Status, string Summary, NotificationText? Review, NotificationText? Filed);
