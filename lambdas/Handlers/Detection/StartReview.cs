using ContinuousImprovement.Handlers.Text;
using ContinuousImprovement.Core.Ports;
using ContinuousImprovement.Handlers.Contracts;
using ContinuousImprovement.Handlers.Invocation;
using ContinuousImprovement.Handlers.Notifications;
using ContinuousImprovement.Handlers.Settings;
using ContinuousImprovement.Core.Text;

namespace ContinuousImprovement.Handlers.Detection;

/// <summary>
/// Starts the human loop the decision asked for, under the upload's own loop name, so a retry or a
/// re-delivered event finds it started instead of starting a second one, and records the decision with the
/// logged prediction. The reviewer chooses from the model's
/// classes, the classes people have filed under images_labeled_by_folder/ (which the model may not know yet),
/// and the answers meaning "none of these" (Review-Reject-Labels).
/// </summary>
public sealed class StartReview(Ports ports) : IHandler<StartReviewRequest, DetectionOutcome>
{
    public async ValueTask<DetectionOutcome> HandleAsync(StartReviewRequest request, CancellationToken cancellationToken)
    {
        var settings = SettingsSnapshot.Read(ports.Catalog, request.Settings);
        var image = request.Image.ToS3();
        var prediction = request.Prediction.ToPrediction();
        var labels = await ReviewLabels.OfferedAsync(ports, image.Bucket, prediction, settings.Review.RejectLabels, cancellationToken).ConfigureAwait(false);

        // Recorded first, so that starting stays the last write and a retry after it finds the loop started.
        await ports.Inferences.RecordDecisionAsync(request.SequenceNumber, sentToHuman: true, request.Reasons, request.HumanLoopName, cancellationToken).ConfigureAwait(false);
        var start = await ports.Reviews.StartAsync(new ReviewRequest(request.HumanLoopName, image, labels, prediction, request.Reasons), cancellationToken).ConfigureAwait(false);
        if (start == ReviewStart.AlreadyStarted)
        {
            return new DetectionOutcome(DetectionStatus.AlreadyInReview, $"human loop {request.HumanLoopName} was already started: no second review", false, request.HumanLoopName, request.Reasons, null, null);
        }

        var notification = new NotificationText(
            NotificationKinds.ReviewStarted,
            $"Review started: {Printable.Quote(image.FileName, maxChars: 120)}",
            $"Human loop {request.HumanLoopName} asks a reviewer to label {Printable.Quote(image.Uri, maxChars: 120)} ({Figures.Labels(prediction)}) because: "
            + $"{string.Join("; ", request.Reasons)}. Labels offered: {string.Join(", ", labels.Select(l => Printable.Quote(l, maxChars: 40)))}.");
        return new DetectionOutcome(DetectionStatus.ReviewStarted, $"human loop {request.HumanLoopName} started with {labels.Count} labels", false, request.HumanLoopName, request.Reasons, null, notification);
    }
}
