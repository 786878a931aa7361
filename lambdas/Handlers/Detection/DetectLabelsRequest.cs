using ContinuousImprovement.Handlers.Contracts;

namespace ContinuousImprovement.Handlers.Detection;

/// <summary>The image to classify and the model version to classify it with.</summary>
public sealed record DetectLabelsRequest(ImageRef Image, string ModelVersionArn);
