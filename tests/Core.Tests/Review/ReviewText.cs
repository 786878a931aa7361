using ContinuousImprovement.Core.Review;

namespace ContinuousImprovement.Core.Tests.Review;

/// <summary>Value renderings of records whose lists compare by reference.</summary>
internal static class ReviewText
{
    public static string Describe(ReviewOutput output) =>
        $"{output.HumanLoopName}|{output.FlowDefinitionArn}|{output.TaskObject}|{output.DetectedLabel}|{output.DetectedConfidence}|"
        + string.Join(";", output.Answers.Select(Describe));

    public static string Describe(WorkerAnswer answer) =>
        $"{answer.WorkerId}:{answer.Kind}:[{string.Join(",", answer.Labels)}]:{answer.SubmittedAt:O}";

    public static string Describe(ConsolidationOutcome outcome) => outcome switch
    {
        ConsolidationOutcome.MultiLabeled m => $"MultiLabeled({string.Join(",", m.Labels)})",
        ConsolidationOutcome.Tie t => $"Tie({string.Join(",", t.Candidates)})",
        ConsolidationOutcome.NoConsensus n => $"NoConsensus({string.Join(",", n.Candidates)})",
        _ => outcome.ToString(),
    };
}
