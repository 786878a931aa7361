namespace ContinuousImprovement.Core.Sampling;

/// <summary>An image that could be sent for labeling: how uncertain the model is, and features to tell near-duplicates apart.</summary>
public sealed record BatchCandidate(string Key, double Uncertainty, float[] Features);
