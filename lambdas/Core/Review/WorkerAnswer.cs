namespace ContinuousImprovement.Core.Review;

/// <summary>
/// One worker's submission. <paramref name="Labels"/> are as the worker's form wrote them (not trimmed);
/// empty for <see cref="AnswerKind.NoLabel"/>. <paramref name="WorkerId"/> and <paramref name="SubmittedAt"/>
/// are informational and null when absent or unreadable.
/// </summary>
public sealed record WorkerAnswer(string? WorkerId, IReadOnlyList<string> Labels, DateTimeOffset? SubmittedAt, AnswerKind Kind);
