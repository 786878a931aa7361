using System.Text.Json;
using ContinuousImprovement.Asl.Runtime;

namespace ContinuousImprovement.Workflows.Tests.Twin;

/// <summary>A finished execution of the detection workflow, with its output as JSON to assert on.</summary>
internal sealed record DetectionRun(Execution Execution)
{
    public ExecutionStatus Status => Execution.Status;

    public JsonElement Output => Execution.Output is null
        ? throw new InvalidOperationException($"The execution has no output: it ended {Execution.Status} with {Execution.Error}: {Execution.Cause}")
        : JsonDocument.Parse(Execution.Output.ToJson()).RootElement.Clone();

    /// <summary>The outcome's status (pending, quarantined, detected, capped, review-started, already-in-review).</summary>
    public string? OutcomeStatus => Output.TryGetProperty("outcome", out var outcome) ? outcome.GetProperty("status").GetString() : null;

    public string? OutcomeSummary => Output.GetProperty("outcome").GetProperty("summary").GetString();

    public override string ToString() =>
        $"{Execution.Status} {Execution.Error} {Execution.Cause} {(Execution.Output is null ? "" : Execution.Output.ToJson())}";
}
