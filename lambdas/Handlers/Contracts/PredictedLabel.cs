namespace ContinuousImprovement.Handlers.Contracts;

/// <summary>One label the model gave, as Rekognition Custom Labels reports it: a name and a 0–100 confidence.</summary>
public sealed record PredictedLabel(string Name, double Confidence);
