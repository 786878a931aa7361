using System.Text.Json;
using ContinuousImprovement.Handlers.Training;

namespace ContinuousImprovement.Local.Twin.Workflows;

/// <summary>
/// How one training execution ended: its status, and for one that succeeded the outcome the workflow reported
/// (a <c>TrainingStatus</c>: skipped, training-failed, gated-out, deployed… with its summary); for one that failed, its error and cause.
/// </summary>
public sealed record TrainingRun(string Name, string Status, string? Outcome, string? Summary, string? Error, string? Cause)
{
    /// <summary>The execution failed, or it ended reporting that the training or its deploy failed; a skipped or gated-out run is an answer.</summary>
    public bool Failed => Status != "SUCCEEDED" || Outcome is TrainingStatus.TrainingFailed or TrainingStatus.DeployFailed;

    /// <summary>Reads it from the described execution the journal keeps (describe-execution's JSON).</summary>
    public static TrainingRun From(string name, string described)
    {
        using var document = JsonDocument.Parse(described);
        var root = document.RootElement;
        static string? Text(JsonElement element, string property) => element.TryGetProperty(property, out var value) ? value.GetString() : null;
        if (Text(root, "output") is { } output)
        {
            using var result = JsonDocument.Parse(output);
            if (result.RootElement.ValueKind == JsonValueKind.Object && result.RootElement.TryGetProperty("outcome", out var outcome) && outcome.ValueKind == JsonValueKind.Object)
            {
                return new TrainingRun(name, Text(root, "status")!, Text(outcome, "status"), Text(outcome, "summary"), null, null);
            }
        }

        return new TrainingRun(name, Text(root, "status")!, null, null, Text(root, "error"), Text(root, "cause"));
    }
}
