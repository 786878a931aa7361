namespace ContinuousImprovement.Local.Adapters;

/// <summary>
/// A human loop waiting for a reviewer, as the twin's review portal lists it: the image, the labels to choose
/// from, what the model thought and why a human is asked.
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
    DateTimeOffset CreatedAt);

/// <summary>One label the model predicted, with its 0–100 confidence.</summary>
public sealed record OpenLoopLabel(string Label, double Confidence);
