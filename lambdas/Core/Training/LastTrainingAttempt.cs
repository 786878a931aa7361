namespace ContinuousImprovement.Core.Training;

/// <summary>The most recent training attempt: which labeled set it used, how it ended and when.</summary>
public sealed record LastTrainingAttempt(string Fingerprint, TrainingAttemptOutcome Outcome, DateTimeOffset At);
