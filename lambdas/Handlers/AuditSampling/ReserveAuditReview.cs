using ContinuousImprovement.Core.Review;
using ContinuousImprovement.Core.Text;
using ContinuousImprovement.Handlers.Contracts;
using ContinuousImprovement.Handlers.Invocation;
using ContinuousImprovement.Handlers.Settings;

namespace ContinuousImprovement.Handlers.AuditSampling;

/// <summary>
/// Takes a slot for one pick: the image as stored now names the loop (<see cref="HumanLoopName"/>, the name its
/// detection would have used), an existing loop is only recorded (no second loop, no slot), otherwise one of today's
/// slots is reserved under the daily cap, and the outcome names its day (a start that fails for good gives the slot
/// back to that day: <see cref="ReturnAuditReviewSlot"/>). The reservation is this step's last write, so a retry never takes two.
/// </summary>
public sealed class ReserveAuditReview(Ports ports) : IHandler<PickRequest, PickOutcome>
{
    public async ValueTask<PickOutcome> HandleAsync(PickRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var pick = request.Pick;
        var settings = SettingsSnapshot.Read(ports.Catalog, request.Settings);
        var reasons = pick.ReviewReasons();
        var stored = await ports.Objects.HeadAsync(request.Bucket, pick.ImageKey, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return Outcome(pick, AuditPickStatus.Gone, $"{Printable.Quote(pick.ImageKey, maxChars: 120)} is no longer in the bucket: nothing to review", null, null, reasons);
        }

        var image = ImageRef.From(stored.Ref);
        var loopName = HumanLoopName.For(stored.Ref);
        if (await ports.Reviews.StatusAsync(loopName, cancellationToken).ConfigureAwait(false) is not null)
        {
            await ports.Inferences.RecordAuditAsync(pick.SequenceNumber, reasons, loopName, cancellationToken).ConfigureAwait(false);
            return Outcome(pick, AuditPickStatus.AlreadyInReview, $"human loop {loopName} already exists for this upload: no second review", image, loopName, reasons);
        }

        var today = DateOnly.FromDateTime(ports.Time.GetUtcNow().UtcDateTime);
        if (!await ports.Inferences.TryReserveHumanLoopAsync(today, settings.Sampling.MaxHumanLoopsPerDay, cancellationToken).ConfigureAwait(false))
        {
            return Outcome(pick, AuditPickStatus.Capped, $"the daily cap of {settings.Sampling.MaxHumanLoopsPerDay} human loops is reached: inference #{pick.SequenceNumber} waits for the next run", image, null, reasons);
        }

        return Outcome(pick, AuditPickStatus.ReviewWanted, $"a slot is reserved for human loop {loopName}", image, loopName, reasons) with { StartReview = true, ReservedOn = today };
    }

    private static PickOutcome Outcome(AuditPickItem pick, string status, string summary, ImageRef? image, string? loopName, IReadOnlyList<string> reasons) =>
        new(pick.SequenceNumber, pick.ImageKey, status, summary, false, image, loopName, reasons);
}
