using System.Text.Json;
using ContinuousImprovement.Asl.Runtime;

namespace ContinuousImprovement.Workflows.Tests.Twin;

/// <summary>A finished execution of any workflow, with its output as JSON to assert on.</summary>
internal record WorkflowRun(Execution Execution)
{
    public ExecutionStatus Status => Execution.Status;

    public JsonElement Output => Execution.Output is null
        ? throw new InvalidOperationException($"The execution has no output: it ended {Execution.Status} with {Execution.Error}: {Execution.Cause}")
        : JsonDocument.Parse(Execution.Output.ToJson()).RootElement.Clone();

    /// <summary>A string at a dotted path of the output (e.g. <c>outcome.status</c>), null when any step is missing or null.</summary>
    public string? Text(string path)
    {
        var element = Output;
        foreach (var part in path.Split('.'))
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(part, out element))
            {
                return null;
            }
        }

        return element.ValueKind == JsonValueKind.String ? element.GetString() : element.ValueKind == JsonValueKind.Null ? null : element.GetRawText();
    }

    public sealed override string ToString() =>
        $"{Execution.Status} {Execution.Error} {Execution.Cause} {(Execution.Output is null ? "" : Execution.Output.ToJson())}";
}
