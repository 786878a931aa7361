using ContinuousImprovement.Asl.Runtime;

namespace ContinuousImprovement.Workflows.Tests.Twin;

/// <summary>A finished execution of the detection workflow, with its outcome at hand.</summary>
internal sealed record DetectionRun(Execution Execution) : WorkflowRun(Execution)
{
    /// <summary>The outcome's status (pending, quarantined, detected, capped, review-started, already-in-review).</summary>
    public string? OutcomeStatus => Output.TryGetProperty("outcome", out var outcome) ? outcome.GetProperty("status").GetString() : null;

    public string? OutcomeSummary => Output.GetProperty("outcome").GetProperty("summary").GetString();
}
