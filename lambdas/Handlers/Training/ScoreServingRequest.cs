using ContinuousImprovement.Handlers.Contracts;

namespace ContinuousImprovement.Handlers.Training;

/// <summary>
/// Score the serving model on the candidate's test manifest; or, with <paramref name="Failure"/> (the error a Catch
/// caught once the retries were spent), say that it could not be scored so the gate falls back and says why.
/// </summary>
public sealed record ScoreServingRequest(CandidateCreated Candidate, TrainingCheck Check, ErrorInfo? Failure = null);
