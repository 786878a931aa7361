namespace ContinuousImprovement.Handlers.Contracts;

/// <summary>
/// What became of a reserved human-loop slot whose start failed for good: <see cref="Released"/> when it was given
/// back to its day's cap; kept when the loop exists after all (the start landed but its answer was lost) or when there
/// was nothing to give back. <see cref="LoopExists"/> tells the last case from the others: the review is under way.
/// </summary>
public sealed record ReviewSlotReturned(bool Released, string Summary, bool LoopExists = false);
