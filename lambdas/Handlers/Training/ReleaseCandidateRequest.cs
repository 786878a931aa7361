namespace ContinuousImprovement.Handlers.Training;

/// <summary>A failed execution's state: the candidate it recorded, if it got that far.</summary>
public sealed record ReleaseCandidateRequest(TrainingProgress Progress);
