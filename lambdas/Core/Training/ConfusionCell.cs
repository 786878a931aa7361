namespace ContinuousImprovement.Core.Training;

/// <summary>How many test images with true label <paramref name="Truth"/> were predicted <paramref name="Predicted"/> (null: no label).</summary>
public sealed record ConfusionCell(string Truth, string? Predicted, int Count);
