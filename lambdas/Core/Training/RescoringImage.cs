using ContinuousImprovement.Core.Storage;

namespace ContinuousImprovement.Core.Training;

/// <summary>A test image to score the serving model on (a manifest line's <c>source-ref</c>) and its true label (its class-name).</summary>
public sealed record RescoringImage(S3ObjectRef Image, string Truth);
