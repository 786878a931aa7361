using ContinuousImprovement.Handlers.Text;
using ContinuousImprovement.Core.Events;
using ContinuousImprovement.Core.Storage;
using ContinuousImprovement.Handlers.Contracts;
using ContinuousImprovement.Handlers.Invocation;
using ContinuousImprovement.Handlers.Notifications;
using ContinuousImprovement.Core.Text;

namespace ContinuousImprovement.Handlers.Detection;

/// <summary>
/// Writes the workflow-error notification for a failed detection: the error, what was done before it (read
/// from the state the execution had reached), and where the image is — still at its upload key, since no step
/// moves or deletes it. Touches no port, so describing a failure cannot fail for the same reason.
/// </summary>
public sealed class DescribeDetectionFailure : IHandler<DescribeFailureRequest, FailureReport>
{
    public ValueTask<FailureReport> HandleAsync(DescribeFailureRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var progress = request.Progress;
        var image = progress.Upload?.Image?.ToS3() ?? FromEvent(request);
        var failure = progress.Failure ?? new ErrorInfo("Unknown", "the execution recorded no error");

        var subject = image is null ? "Detection failed" : $"Detection failed: {Printable.Quote(image.FileName, maxChars: 120)}";
        var where = image is null
            ? "The event could not be read, so no image was touched."
            : $"The image is still at {Printable.Quote(image.Uri, maxChars: 120)}: nothing was moved or deleted.";
        var message = $"The detection workflow stopped with {Printable.Line(failure.Error, 80)}: {Printable.Line(failure.Cause)}\n{Done(progress)}\n{where}";
        return ValueTask.FromResult(new FailureReport(new NotificationText(NotificationKinds.WorkflowError, subject, message), progress.Settings?.Values));
    }

    private static string Done(DetectionProgress progress)
    {
        if (progress.Upload is null)
        {
            return "Nothing was done: the upload was not read.";
        }

        var done = new List<string> { "the upload was read" };
        if (progress.Settings is { } settings)
        {
            done.Add(settings.ServingVersionArn is { } serving ? $"the settings were read (serving: {serving})" : "the settings were read (no model serving)");
        }

        if (progress.Prediction is { } prediction)
        {
            done.Add($"labels were detected ({Figures.Labels(prediction.ToPrediction())})");
        }

        if (progress.Inference is { } inference)
        {
            done.Add($"the prediction was logged as inference #{inference.SequenceNumber}");
        }

        if (progress.Outcome is { } outcome)
        {
            done.Add(outcome.StartReview
                ? $"a human review was wanted (loop {outcome.HumanLoopName}) but not started"
                : $"{outcome.Status}: {outcome.Summary}");
        }

        if (progress.Slot is { } slot)
        {
            done.Add($"after the error {slot.Summary}");
        }

        return $"Done before it stopped: {string.Join("; ", done)}.";
    }

    private static S3ObjectRef? FromEvent(DescribeFailureRequest request) =>
        request.Event.ValueKind == System.Text.Json.JsonValueKind.Object && S3EventParser.Parse(request.Event).Objects is [var first, ..]
            ? first.Object
            : null;
}
