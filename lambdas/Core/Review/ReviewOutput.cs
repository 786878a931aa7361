using ContinuousImprovement.Core.Storage;

namespace ContinuousImprovement.Core.Review;

/// <summary>
/// A human loop's output document, as A2I writes it to <c>output.json</c> (and our review portal writes the same
/// shape). <paramref name="TaskObject"/> is the reviewed image from <c>inputContent.taskObject</c>;
/// <paramref name="DetectedLabel"/> and <paramref name="DetectedConfidence"/> are what the model said, as we put
/// them in the loop's input.
/// </summary>
public sealed record ReviewOutput(
    string HumanLoopName,
    string? FlowDefinitionArn,
    S3ObjectRef? TaskObject,
    string? DetectedLabel,
    double? DetectedConfidence,
    IReadOnlyList<WorkerAnswer> Answers);
