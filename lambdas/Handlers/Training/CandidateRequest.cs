namespace ContinuousImprovement.Handlers.Training;

/// <summary>A step about the candidate, with the check's answer (settings, bucket, start time).</summary>
public sealed record CandidateRequest(CandidateCreated Candidate, TrainingCheck Check);
