using ContinuousImprovement.Core.Ports;
using ContinuousImprovement.Handlers.Detection;
using ContinuousImprovement.Handlers.Invocation;
using ContinuousImprovement.Handlers.Settings;

namespace ContinuousImprovement.Handlers.AuditSampling;

/// <summary>
/// Starts the reserved pick's human loop under its name (a second start of the name starts nothing) with the labels
/// detection offers, then records the audit with the logged prediction. Starting comes first: until the record says
/// "audited", a re-run plans this pick again and finds its loop by name, so the audit is recorded and never lost.
/// </summary>
public sealed class StartAuditReview(Ports ports) : IHandler<StartAuditReviewRequest, PickOutcome>
{
    public async ValueTask<PickOutcome> HandleAsync(StartAuditReviewRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var reserved = request.Reserved;
        if (!reserved.StartReview || reserved.Image is null || reserved.HumanLoopName is null)
        {
            throw new HandlerException(HandlerErrors.InvalidInput, $"Inference #{reserved.SequenceNumber} has no reserved slot and loop name ({reserved.Status}); only a reserved pick is started.");
        }

        var settings = SettingsSnapshot.Read(ports.Catalog, request.Settings);
        var image = reserved.Image.ToS3();
        var prediction = request.Pick.Prediction.ToPrediction();
        var labels = await ReviewLabels.OfferedAsync(ports, image.Bucket, prediction, settings.Review.RejectLabels, cancellationToken).ConfigureAwait(false);
        var start = await ports.Reviews.StartAsync(new ReviewRequest(reserved.HumanLoopName, image, labels, prediction, reserved.Reasons), cancellationToken).ConfigureAwait(false);
        await ports.Inferences.RecordAuditAsync(reserved.SequenceNumber, reserved.Reasons, reserved.HumanLoopName, cancellationToken).ConfigureAwait(false);
        return start == ReviewStart.Started
            ? reserved with { Status = AuditPickStatus.ReviewStarted, Summary = $"human loop {reserved.HumanLoopName} started with {labels.Count} labels", StartReview = false, ReservedOn = null }
            : reserved with { Status = AuditPickStatus.AlreadyInReview, Summary = $"human loop {reserved.HumanLoopName} was already started: no second review", StartReview = false, ReservedOn = null };
    }
}
