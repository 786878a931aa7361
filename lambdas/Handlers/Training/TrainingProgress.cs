using ContinuousImprovement.Core.Training;
using ContinuousImprovement.Handlers.Contracts;

namespace ContinuousImprovement.Handlers.Training;

/// <summary>The state a training execution had reached when it failed: whatever steps had answered, and the caught error.</summary>
public sealed record TrainingProgress(
    TrainingCheck? Check = null,
    CandidateCreated? Candidate = null,
    TrainingPoll? Training = null,
    ServingRescore? ServingScore = null,
    GateResult? Gate = null,
    DeployProgress? Deploy = null,
    ErrorInfo? Failure = null,
    CandidateReleased? Released = null);
