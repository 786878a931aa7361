namespace ContinuousImprovement.Local.Model;

/// <summary>One training example: an image's features and its human label.</summary>
public sealed record LabeledFeatures(float[] Features, string Label);
