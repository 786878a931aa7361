using ContinuousImprovement.Handlers.Contracts;

namespace ContinuousImprovement.Handlers.AuditSampling;

/// <summary>
/// Where one pick got to (<see cref="AuditPickStatus"/>): the image as it is stored now and its loop name once
/// known, and the reasons logged with it.
/// </summary>
/// <param name="StartReview">True only when the start-review step must follow.</param>
/// <param name="ReservedOn">The UTC day whose slot the reserve step took: the day a failed start gives it back to, even after midnight.</param>
public sealed record PickOutcome(
    long SequenceNumber,
    string ImageKey,
    string Status,
    string Summary,
    bool StartReview,
    ImageRef? Image,
    string? HumanLoopName,
    IReadOnlyList<string> Reasons,
    DateOnly? ReservedOn = null);
