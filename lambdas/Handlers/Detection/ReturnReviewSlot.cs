using ContinuousImprovement.Handlers.Contracts;
using ContinuousImprovement.Handlers.Invocation;

namespace ContinuousImprovement.Handlers.Detection;

/// <summary>
/// On a start-review step that failed for good: gives the slot the decision reserved back to its day's cap unless the
/// loop exists (<see cref="ReviewSlot"/>), so an outage of the review service does not use up the day's reviews with
/// loops that never started. The failure path goes on either way.
/// </summary>
public sealed class ReturnReviewSlot(Ports ports) : IHandler<ReturnReviewSlotRequest, ReviewSlotReturned>
{
    public async ValueTask<ReviewSlotReturned> HandleAsync(ReturnReviewSlotRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Progress.Outcome is { StartReview: true, HumanLoopName: { } loopName, ReservedOn: { } reservedOn }
            ? await ReviewSlot.ReturnAsync(ports, loopName, reservedOn, cancellationToken).ConfigureAwait(false)
            : new ReviewSlotReturned(false, "no slot was reserved");
    }
}
