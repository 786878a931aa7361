namespace ContinuousImprovement.Handlers.Training;

/// <summary>Training has ended (completed, failed or given up on): the candidate, the last poll and the check.</summary>
public sealed record TrainingEndRequest(CandidateCreated Candidate, TrainingPoll Training, TrainingCheck Check);
