using System.Text.Json;
using ContinuousImprovement.Core.Text;
using ContinuousImprovement.Handlers.Contracts;
using ContinuousImprovement.Handlers.Detection;
using ContinuousImprovement.Handlers.Invocation;
using ContinuousImprovement.Handlers.Notifications;

namespace ContinuousImprovement.Handlers.ParameterApply;

/// <summary>
/// Writes the workflow-error notification for a failed parameter change: the error, what was done, and what is
/// in force — the workflows keep reading the last good values, so a change not applied here is not silently used.
/// </summary>
public sealed class DescribeParameterFailure : IHandler<DescribeParameterFailureRequest, FailureReport>
{
    public ValueTask<FailureReport> HandleAsync(DescribeParameterFailureRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var progress = request.Progress;
        var failure = progress.Failure ?? new ErrorInfo("Unknown", "the execution recorded no error");
        var name = progress.Change?.Name ?? EventName(request.Event);
        var done = new List<string>();
        if (progress.Change is { } change)
        {
            done.Add($"the change was checked ({change.Action}: {Printable.Line(change.Reason, 300)})");
        }

        if (progress.Remembered is { } remembered)
        {
            done.Add(remembered.Written ? "the last good values were stored in the system parameter" : "the last good values were already stored");
        }

        if (progress.Outcome is { } outcome)
        {
            done.Add($"{outcome.Status}: {Printable.Line(outcome.Summary, 300)}");
        }

        var message = $"The parameter-apply workflow stopped with {Printable.Line(failure.Error, 80)}: {Printable.Line(failure.Cause)}\n"
            + (done.Count == 0 ? "Nothing was done before it stopped." : $"Done before it stopped: {string.Join("; ", done)}.")
            + "\nWorkflows keep using the values in force (a bad value never reaches them); set the parameter again to retry.";
        var subject = name is null ? "Parameter change failed" : $"Parameter change failed: {Printable.Quote(name, maxChars: 120)}";
        return ValueTask.FromResult(new FailureReport(new NotificationText(NotificationKinds.WorkflowError, subject, message), null));
    }

    private static string? EventName(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty("detail", out var detail) && detail.ValueKind == JsonValueKind.Object
            && detail.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String
            ? name.GetString()
            : null;
}
