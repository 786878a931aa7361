using System.Globalization;
using ContinuousImprovement.Core.Notifications;
using ContinuousImprovement.Core.Text;
using ContinuousImprovement.Handlers.Contracts;
using ContinuousImprovement.Handlers.Invocation;
using ContinuousImprovement.Handlers.Notifications;

namespace ContinuousImprovement.Handlers.OperationsDigest;

/// <summary>
/// Writes the workflow-error notification for a failed run: the error, what became of the drift check (with its
/// finding, when drift was found but could not be mailed or remembered) and of the digest — whether its
/// notifications still wait, were mailed, or were mailed and will be mailed again. Touches no port, so it cannot
/// fail for the same reason.
/// </summary>
public sealed class DescribeOperationsFailure : IHandler<DescribeOperationsFailureRequest, OperationsFailureReport>
{
    public ValueTask<OperationsFailureReport> HandleAsync(DescribeOperationsFailureRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var progress = request.Progress ?? new OperationsProgress();
        var failure = progress.Failure ?? progress.DriftFailure ?? new ErrorInfo("Unknown", "the execution recorded no error");
        var lines = new List<string> { $"The operations-digest workflow stopped with {Printable.Line(failure.Error, 80)}: {Printable.Line(failure.Cause)}" };
        if (progress.Settings is null)
        {
            lines.Add("Nothing was done: the settings were not read. Drift was not checked and no digest was sent; the notifications keep waiting for the next digest.");
        }
        else
        {
            lines.Add(Drift(progress));
            lines.Add(Digest(progress));
        }

        return ValueTask.FromResult(new OperationsFailureReport(
            new NotificationText(NotificationKinds.WorkflowError, "Operations digest failed", string.Join('\n', lines)),
            progress.Settings?.Values));
    }

    private static string Drift(OperationsProgress progress)
    {
        if (progress.DriftFailure is { } failed)
        {
            var found = progress.Drift is { Alert: true } drift
                ? $" It had found drift, which may not have been mailed or remembered (the next run checks again): {Printable.Line(drift.Summary)}"
                : " The next run checks again.";
            return $"The drift check failed with {Printable.Line(failed.Error, 80)}: {Printable.Line(failed.Cause, 300)}.{found}";
        }

        return progress.Drift is { } checkedDrift && checkedDrift.Status != "NotChecked"
            ? $"Drift check: {Printable.Line(checkedDrift.Summary)}"
            : "Drift was not checked.";
    }

    private static string Digest(OperationsProgress progress)
    {
        var stale = DigestClaims.StaleAfter.TotalMinutes.ToString(CultureInfo.InvariantCulture);
        if (progress.Digest is not { } digest)
        {
            return "No digest was sent: the notifications keep waiting and go into the next digest.";
        }

        if (digest.Status != DigestClaimed.Claimed || digest.Mail is null)
        {
            return $"Digest: {Printable.Line(digest.Summary)}";
        }

        var count = digest.Mail.Count.ToString(CultureInfo.InvariantCulture);
        if (progress.Published is null)
        {
            return $"The digest of {count} notifications was not mailed: they keep waiting, and the next run takes them over and mails them once this run's claim is {stale} minutes old.";
        }

        return progress.Marked is null
            ? $"The digest of {count} notifications was mailed but could not be marked sent: the next run mails them again once this run's claim is {stale} minutes old (rather twice than never)."
            : $"The digest of {count} notifications was mailed and marked sent.";
    }
}
