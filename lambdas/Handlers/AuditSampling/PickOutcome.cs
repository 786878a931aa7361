using ContinuousImprovement.Handlers.Contracts;

namespace ContinuousImprovement.Handlers.AuditSampling;

/// <summary>
/// Where one pick got to (<see cref="AuditPickStatus"/>): the image as it is stored now and its loop name once
/// known, and the reasons logged with it.
/// </summary>
/// <param name="StartReview">True only when the start-review step must follow.</param>
public sealed record PickOutcome(
    long SequenceNumber,
    string ImageKey,
    string Status,
    string Summary,
    bool StartReview,
    ImageRef? Image,
    string? HumanLoopName,
    IReadOnlyList<string> Reasons);
