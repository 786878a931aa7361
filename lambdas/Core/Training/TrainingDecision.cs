namespace ContinuousImprovement.Core.Training;

/// <summary>Whether to start a training now, and why, in words an operator can act on.</summary>
public sealed record TrainingDecision(bool Train, string Reason);
