namespace ContinuousImprovement.Core.Events;

/// <summary>
/// The objects an S3 event announces, what was ignored, and an error when the input is not an S3 event at all.
/// </summary>
public sealed record S3EventParseResult(IReadOnlyList<S3ObjectEvent> Objects, IReadOnlyList<IgnoredEvent> Ignored, string? Error)
{
    public static S3EventParseResult Failed(string error) => new([], [], error);
}
