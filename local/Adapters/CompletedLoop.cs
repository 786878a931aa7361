namespace ContinuousImprovement.Local.Adapters;

/// <summary>
/// A loop a reviewer answered: the loop as it was open, the answer, and when its output document was written to
/// the bucket (null until then).
/// </summary>
public sealed record CompletedLoop(OpenLoop Loop, LoopAnswer Answer, DateTimeOffset? PublishedAt);
