using ContinuousImprovement.Core.Text;
using ContinuousImprovement.Handlers.Contracts;
using ContinuousImprovement.Handlers.Invocation;
using ContinuousImprovement.Handlers.Notifications;

namespace ContinuousImprovement.Handlers.AuditSampling;

/// <summary>
/// Writes the workflow-error notification for a failed audit: the error, what the finished rounds did, and that the
/// cursor stays where the last finished round left it, so the next run takes up the failed round again without
/// starting any loop twice. Touches no port, so it cannot fail for the same reason.
/// </summary>
public sealed class DescribeAuditFailure : IHandler<DescribeAuditFailureRequest, AuditFailureReport>
{
    public ValueTask<AuditFailureReport> HandleAsync(DescribeAuditFailureRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var progress = request.Progress;
        var failure = progress.Failure ?? new ErrorInfo("Unknown", "the execution recorded no error");
        var message = $"The audit-sampling workflow stopped with {Printable.Line(failure.Error, 80)}: {Printable.Line(failure.Cause)}\n{Done(progress)}";
        return ValueTask.FromResult(new AuditFailureReport(
            new NotificationText(NotificationKinds.WorkflowError, "Audit sampling failed", message),
            progress.Settings?.Values));
    }

    private static string Done(AuditProgress progress)
    {
        if (progress.Settings is null)
        {
            return "Nothing was done: the settings were not read. The audit cursor did not move.";
        }

        var done = new List<string> { "the settings were read" };
        if (progress.Totals is { Rounds: > 0 } totals)
        {
            done.Add($"{AuditText.Count(totals.Rounds, "round", "rounds")} finished ({totals.Started} loops started, cursor moved to {AuditText.Cursor(totals.Cursor)})");
        }

        if (progress.Plan is { } plan)
        {
            done.Add($"the round after them planned {AuditText.Count(plan.Picks.Count, "pick", "picks")} from {AuditText.Cursor(plan.Stored)}");
        }

        var resumes = progress.Totals?.Cursor ?? progress.Plan?.Stored;
        return $"Done before it stopped: {string.Join("; ", done)}.\nThe audit cursor stays at {AuditText.Cursor(resumes)}: the next run takes up the unfinished round again, "
            + "and finds the loops it already started by their names, so no image is sent twice and none is skipped.";
    }
}
