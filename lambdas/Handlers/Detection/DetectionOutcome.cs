using ContinuousImprovement.Handlers.Contracts;

namespace ContinuousImprovement.Handlers.Detection;

/// <summary>
/// Where one image's detection got to (<see cref="DetectionStatus"/>), in one line for logs, with the
/// notification to send (null: nothing new to say, e.g. for a re-delivered event).
/// </summary>
/// <param name="StartReview">True only when the start-review step must follow.</param>
/// <param name="Location">The s3:// URI of what was written (pending marker, quarantine copy), if anything.</param>
/// <param name="ReservedOn">
/// The UTC day whose human-loop slot the decision reserved (with <paramref name="StartReview"/>): the day a failed start
/// gives the slot back to, even after midnight.
/// </param>
public sealed record DetectionOutcome(
    string Status,
    string Summary,
    bool StartReview,
    string? HumanLoopName,
    IReadOnlyList<string> Reasons,
    string? Location,
    NotificationText? Notification,
    DateOnly? ReservedOn = null);
