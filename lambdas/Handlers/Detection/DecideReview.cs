using ContinuousImprovement.Handlers.Text;
using ContinuousImprovement.Core.Review;
using ContinuousImprovement.Core.Sampling;
using ContinuousImprovement.Core.Settings;
using ContinuousImprovement.Core.Storage;
using ContinuousImprovement.Handlers.Contracts;
using ContinuousImprovement.Handlers.Invocation;
using ContinuousImprovement.Handlers.Notifications;
using ContinuousImprovement.Handlers.Settings;
using ContinuousImprovement.Core.Text;

namespace ContinuousImprovement.Handlers.Detection;

/// <summary>
/// Decides whether a human reviews the image (<see cref="SamplingPolicy"/>) and records the decision with the
/// logged prediction. A wanted review goes ahead only when reviews are switched on, the upload has no loop yet
/// (a re-delivered event must not start a second one or take a second slot) and one of today's slots can be
/// reserved; the reservation is the daily cap, taken atomically in the inference log. The outcome names the day
/// reserved on: a review that then fails to start for good gives that day's slot back (<see cref="ReturnReviewSlot"/>),
/// unless its loop exists after all.
/// </summary>
public sealed class DecideReview(Ports ports) : IHandler<DecideReviewRequest, DetectionOutcome>
{
    public async ValueTask<DetectionOutcome> HandleAsync(DecideReviewRequest request, CancellationToken cancellationToken)
    {
        var settings = SettingsSnapshot.Read(ports.Catalog, request.Settings);
        var image = request.Image.ToS3();

        // Today's count is not needed: the reservation below enforces the cap.
        var input = new SamplingInput(request.Prediction.ToPrediction(), image.Key, request.SequenceNumber, request.ClaimedLabel, HumanLoopsToday: 0);
        var decision = SamplingPolicy.Decide(input, settings.Sampling);
        var outcome = await OutcomeAsync(image, input, decision, settings, cancellationToken).ConfigureAwait(false);

        // A review to start is recorded by the step that starts it, so the reservation stays this step's last
        // write and a retry of this step can never take a second slot.
        if (!outcome.StartReview)
        {
            var sentToHuman = outcome.Status == DetectionStatus.AlreadyInReview;
            await ports.Inferences.RecordDecisionAsync(request.SequenceNumber, sentToHuman, outcome.Reasons, outcome.HumanLoopName, cancellationToken).ConfigureAwait(false);
        }

        return outcome;
    }

    private async Task<DetectionOutcome> OutcomeAsync(S3ObjectRef image, SamplingInput input, SamplingDecision decision, OperatorSettings settings, CancellationToken cancellationToken)
    {
        var reasons = decision.Reasons.Select(r => r.ToString()).ToList();
        if (!decision.Wanted)
        {
            return Detected(image, input, decision.Summary, reasons);
        }

        if (!settings.Review.Enabled)
        {
            return Detected(image, input, $"{WantedBy(decision)}, but human review is switched off (Enable-A2I-Workflow is false)", reasons);
        }

        if (decision.Capped)
        {
            return Capped(image, input, decision.Summary, reasons);
        }

        var loopName = HumanLoopName.For(image);
        if (await ports.Reviews.StatusAsync(loopName, cancellationToken).ConfigureAwait(false) is not null)
        {
            return new DetectionOutcome(DetectionStatus.AlreadyInReview, $"human loop {loopName} already exists for this upload (a re-delivered event): no second review", false, loopName, reasons, null, null);
        }

        var today = DateOnly.FromDateTime(ports.Time.GetUtcNow().UtcDateTime);
        if (!await ports.Inferences.TryReserveHumanLoopAsync(today, settings.Sampling.MaxHumanLoopsPerDay, cancellationToken).ConfigureAwait(false))
        {
            // Every slot of today is taken: decide again knowing that, for Core's own words on the cap.
            var capped = SamplingPolicy.Decide(input with { HumanLoopsToday = settings.Sampling.MaxHumanLoopsPerDay }, settings.Sampling);
            return Capped(image, input, capped.Summary, reasons);
        }

        return new DetectionOutcome(DetectionStatus.ReviewWanted, decision.Summary, true, loopName, reasons, null, null, today);
    }

    private static DetectionOutcome Detected(S3ObjectRef image, SamplingInput input, string summary, IReadOnlyList<string> reasons) =>
        new(DetectionStatus.Detected, summary, false, null, reasons, null, new NotificationText(
            NotificationKinds.DetectionCompleted,
            $"Detected {Top(input.Prediction)} in {Printable.Quote(image.FileName, maxChars: 120)}",
            $"{Printable.Quote(image.Uri, maxChars: 120)} (inference #{input.InferenceNumber}): {Figures.Labels(input.Prediction)}. Review: {summary}."));

    private static DetectionOutcome Capped(S3ObjectRef image, SamplingInput input, string summary, IReadOnlyList<string> reasons) =>
        new(DetectionStatus.Capped, summary, false, null, reasons, null, new NotificationText(
            NotificationKinds.ReviewCapped,
            $"Review capped: {Printable.Quote(image.FileName, maxChars: 120)}",
            $"{Printable.Quote(image.Uri, maxChars: 120)} (inference #{input.InferenceNumber}, {Figures.Labels(input.Prediction)}) was not sent to a reviewer: {summary}. "
            + $"Reasons: {string.Join("; ", reasons)}. The image stays where it is and its prediction is logged."));

    private static string WantedBy(SamplingDecision decision) => "wanted by " + string.Join(", ", decision.Reasons.Select(r => r.Name));

    private static string Top(Prediction prediction) =>
        prediction.Top is { } top ? $"{Printable.Quote(top.Label, maxChars: 40)} ({Figures.Confidence(top.Confidence)})" : "no label";
}
