using ContinuousImprovement.Handlers.Contracts;

namespace ContinuousImprovement.Handlers.Training;

/// <summary>
/// Perform the plan's pending action, or, with <paramref name="Failure"/> (the error a Catch caught after the
/// retries), report that it failed so the plan decides what comes next (retry a stop, roll back, stop the new one).
/// </summary>
public sealed record DeployStepRequest(
    DeployProgress Deploy,
    CandidateCreated Candidate,
    double? CandidateF1,
    PreviousServing? Previous,
    TrainingCheck Check,
    ErrorInfo? Failure = null);
