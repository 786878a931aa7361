using ContinuousImprovement.Core.Text;
using ContinuousImprovement.Handlers.Contracts;
using ContinuousImprovement.Handlers.Detection;
using ContinuousImprovement.Handlers.Invocation;
using ContinuousImprovement.Handlers.Notifications;

namespace ContinuousImprovement.Handlers.ReviewFiling;

/// <summary>
/// Writes the workflow-error notification for a failed review filing: the error, what was done before it, and
/// where things are — the reviewed image at its upload key (filing only copies), the output document where the
/// reviewer left it, so the same event can be replayed. Touches no port.
/// </summary>
public sealed class DescribeReviewFilingFailure : IHandler<DescribeReviewFilingFailureRequest, FailureReport>
{
    public ValueTask<FailureReport> HandleAsync(DescribeReviewFilingFailureRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var progress = request.Progress;
        var failure = progress.Failure ?? new ErrorInfo("Unknown", "the execution recorded no error");
        var review = progress.Review;
        var subject = review?.HumanLoopName is { } loop
            ? $"Review filing failed: {Printable.Quote(loop, maxChars: 80)}"
            : "Review filing failed";
        var done = new List<string>();
        if (progress.Settings is not null)
        {
            done.Add("the settings were read");
        }

        if (review is not null)
        {
            done.Add($"the review was read from {Printable.Quote(review.Source, maxChars: 160)} ({review.Action}: {Printable.Line(review.Reason, 200)})");
        }

        if (progress.Filing is { } filing)
        {
            done.Add($"filing: {filing.Status}, {Printable.Line(filing.Summary, 300)}");
        }

        if (progress.Outcome is { } outcome)
        {
            done.Add($"{outcome.Status}: {Printable.Line(outcome.Summary, 300)}");
        }

        var image = review?.Image?.ToS3();
        var where = image is null
            ? "No image was moved or deleted; the review output stays where it was, so the event can be replayed."
            : $"The reviewed image is still at {Printable.Quote(image.Uri, maxChars: 120)} (filing only copies); the review output stays where it was, so the event can be replayed.";
        var message = $"The review-filing workflow stopped with {Printable.Line(failure.Error, 80)}: {Printable.Line(failure.Cause)}\n"
            + (done.Count == 0 ? "Nothing was done before it stopped." : $"Done before it stopped: {string.Join("; ", done)}.")
            + $"\n{where}";
        return ValueTask.FromResult(new FailureReport(new NotificationText(NotificationKinds.WorkflowError, subject, message), progress.Settings?.Values));
    }
}
