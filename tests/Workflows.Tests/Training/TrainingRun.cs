using ContinuousImprovement.Asl.Runtime;
using ContinuousImprovement.Workflows.Tests.Twin;

namespace ContinuousImprovement.Workflows.Tests.Training;

/// <summary>A finished execution of the training workflow, with its outcome and candidate at hand.</summary>
internal sealed record TrainingRun(Execution Execution) : WorkflowRun(Execution)
{
    /// <summary>The outcome's status (skipped, training-failed, gated-out, deployed, deploy-failed), null without one.</summary>
    public string? OutcomeStatus => Execution.Output is not null && Output.TryGetProperty("outcome", out var outcome) ? outcome.GetProperty("status").GetString() : null;

    public string? VersionArn => Execution.Output is not null && Output.TryGetProperty("candidate", out var candidate) ? candidate.GetProperty("versionArn").GetString() : null;
}
