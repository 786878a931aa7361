namespace ContinuousImprovement.Local.Portal;

/// <summary>
/// How an answer ended: <see cref="LoopAnswerStatus.Published"/> (output written at <paramref name="OutputUri"/>),
/// <see cref="LoopAnswerStatus.Kept"/> (loop completed, output not written yet: <paramref name="Problem"/> says why;
/// it is retried), <see cref="LoopAnswerStatus.Refused"/> (the answer is unusable: <paramref name="Problem"/>), or
/// <see cref="LoopAnswerStatus.NotOpen"/> (someone answered first, or there is no such loop).
/// </summary>
public sealed record LoopAnswerOutcome(LoopAnswerStatus Status, string? Problem, string? OutputUri);

/// <summary>See <see cref="LoopAnswerOutcome"/>.</summary>
public enum LoopAnswerStatus
{
    Published,
    Kept,
    Refused,
    NotOpen,
}
