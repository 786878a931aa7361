using ContinuousImprovement.Handlers.Contracts;

namespace ContinuousImprovement.Handlers.ReviewFiling;

/// <summary>
/// One review event read and judged: the <see cref="ReviewActions"/> to take and why. For a file or record
/// action, <paramref name="Image"/> is the reviewed image (the output's taskObject); <paramref name="Labels"/>
/// the agreed labels to file under; <paramref name="HumanLabel"/> what goes into the inference log (null: nothing).
/// </summary>
/// <param name="Source">The s3:// URI of the output document read, or what the event was.</param>
public sealed record ReviewRead(
    string Action,
    string Reason,
    string? HumanLoopName,
    string Source,
    ImageRef? Image,
    IReadOnlyList<string> Labels,
    string? HumanLabel);
