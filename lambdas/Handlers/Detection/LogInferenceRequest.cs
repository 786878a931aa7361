using ContinuousImprovement.Handlers.Contracts;

namespace ContinuousImprovement.Handlers.Detection;

/// <summary>A prediction to log: the image, the model version that made it, and what it said.</summary>
public sealed record LogInferenceRequest(ImageRef Image, string ModelVersionArn, PredictionResult Prediction);
