namespace ContinuousImprovement.Handlers.Training;

/// <summary>The finished plan, the candidate and the gate's scores, for the final state write and notification.</summary>
public sealed record FinishDeploymentRequest(DeployProgress Deploy, CandidateCreated Candidate, GateResult Gate, TrainingCheck Check);
