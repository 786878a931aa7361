using System.Text.Json;
using ContinuousImprovement.Asl.Runtime;

namespace ContinuousImprovement.Workflows.Tests.Training;

/// <summary>A finished execution of the training workflow, with its output as JSON to assert on.</summary>
internal sealed record TrainingRun(Execution Execution)
{
    public ExecutionStatus Status => Execution.Status;

    public JsonElement Output => Execution.Output is null
        ? throw new InvalidOperationException($"The execution has no output: it ended {Execution.Status} with {Execution.Error}: {Execution.Cause}")
        : JsonDocument.Parse(Execution.Output.ToJson()).RootElement.Clone();

    /// <summary>The outcome's status (skipped, training-failed, gated-out, deployed, deploy-failed), null without one.</summary>
    public string? OutcomeStatus => Execution.Output is not null && Output.TryGetProperty("outcome", out var outcome) ? outcome.GetProperty("status").GetString() : null;

    public string? VersionArn => Execution.Output is not null && Output.TryGetProperty("candidate", out var candidate) ? candidate.GetProperty("versionArn").GetString() : null;

    public override string ToString() =>
        $"{Execution.Status} {Execution.Error} {Execution.Cause} {(Execution.Output is null ? "" : Execution.Output.ToJson())}";
}
