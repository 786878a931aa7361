using ContinuousImprovement.Handlers.Contracts;
using ContinuousImprovement.Handlers.Invocation;

namespace ContinuousImprovement.Handlers.Detection;

/// <summary>
/// On a start-review step that failed for good: gives the slot the decision reserved back to its day's cap unless the
/// loop exists (<see cref="ReviewSlot"/>), so an outage of the review service does not use up the day's reviews with
/// loops that never started, and the inference log stops saying the image was sent to a reviewer. The failure path goes on
/// either way.
/// </summary>
public sealed class ReturnReviewSlot(Ports ports) : IHandler<ReturnReviewSlotRequest, ReviewSlotReturned>
{
    public async ValueTask<ReviewSlotReturned> HandleAsync(ReturnReviewSlotRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var progress = request.Progress;
        if (progress.Outcome is not { StartReview: true, HumanLoopName: { } loopName, ReservedOn: { } reservedOn } outcome)
        {
            return new ReviewSlotReturned(false, "no slot was reserved");
        }

        // The start step recorded the image as sent to a reviewer before starting; the log must not keep saying so.
        var reasons = outcome.Reasons.Append($"its review could not start ({progress.Failure?.Error ?? "an error"})").ToList();
        Func<Task>? unrecord = progress.Inference is { } inference
            ? () => ports.Inferences.RecordDecisionAsync(inference.SequenceNumber, sentToHuman: false, reasons, humanLoopName: null, cancellationToken)
            : null;
        var returned = await ReviewSlot.ReturnAsync(ports, loopName, reservedOn, unrecord, cancellationToken).ConfigureAwait(false);
        return returned.LoopExists || unrecord is null
            ? returned
            : returned with { Summary = returned.Summary + "; the inference log no longer says it was sent to a reviewer" };
    }
}
