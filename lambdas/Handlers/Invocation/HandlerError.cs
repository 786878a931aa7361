namespace ContinuousImprovement.Handlers.Invocation;

/// <summary>
/// A failed invocation as Step Functions sees it: <see cref="Name"/> is what Retry and Catch match
/// (<c>Port.Throttled</c>, <c>Handler.InvalidInput</c>), <see cref="Cause"/> says what happened.
/// </summary>
public sealed record HandlerError(string Name, string Cause);
