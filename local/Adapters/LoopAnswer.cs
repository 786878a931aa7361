namespace ContinuousImprovement.Local.Adapters;

/// <summary>
/// A reviewer's answer to a loop: when it was given and the output document it produced
/// (<paramref name="Output"/>, A2I's <c>output.json</c> shape) with the object it is to be written to. It is kept
/// with the completed loop, so an output that could not be written yet is never lost.
/// </summary>
public sealed record LoopAnswer(DateTimeOffset AnsweredAt, string OutputBucket, string OutputKey, string Output);
