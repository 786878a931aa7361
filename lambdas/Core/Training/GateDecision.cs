namespace ContinuousImprovement.Core.Training;

/// <summary>Whether a freshly trained model may replace the serving one, and why, with both scores.</summary>
public sealed record GateDecision(bool Pass, string Reason);
