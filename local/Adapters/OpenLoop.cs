namespace ContinuousImprovement.Local.Adapters;

/// <summary>
/// A human loop waiting for a reviewer, as the twin's review portal lists it: the image, the labels to choose
/// from, what the model thought and why a human is asked. <paramref name="InputContent"/> is the JSON the worker
/// task template reads as <c>task.input</c> (<see cref="ContinuousImprovement.Core.Review.ReviewTaskInput"/>),
/// exactly what A2I would have been given.
/// </summary>
public sealed record OpenLoop(
    string HumanLoopName,
    string ImageUri,
    string Bucket,
    string Key,
    string? VersionId,
    string? ETag,
    IReadOnlyList<string> Labels,
    IReadOnlyList<OpenLoopLabel> Prediction,
    IReadOnlyList<string> Reasons,
    DateTimeOffset CreatedAt,
    string InputContent);

/// <summary>One label the model predicted, with its 0–100 confidence.</summary>
public sealed record OpenLoopLabel(string Label, double Confidence);
