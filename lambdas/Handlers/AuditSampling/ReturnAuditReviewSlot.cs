using ContinuousImprovement.Handlers.Contracts;
using ContinuousImprovement.Handlers.Detection;
using ContinuousImprovement.Handlers.Invocation;

namespace ContinuousImprovement.Handlers.AuditSampling;

/// <summary>
/// On a pick whose start failed for good: gives the slot the reserve step took back to its day's cap unless the loop
/// exists (<see cref="ReviewSlot"/>), and adds what became of the slot to the error's cause, which is all of the pick
/// that reaches the execution's failure report once the Map fails. The pick still fails with its error.
/// </summary>
public sealed class ReturnAuditReviewSlot(Ports ports) : IHandler<ReturnAuditSlotRequest, AuditSlotReturned>
{
    public async ValueTask<AuditSlotReturned> HandleAsync(ReturnAuditSlotRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var reserved = request.Reserved;
        var slot = reserved is { StartReview: true, HumanLoopName: { } loopName, ReservedOn: { } reservedOn }
            ? await ReviewSlot.ReturnAsync(ports, loopName, reservedOn, notStarted: null, cancellationToken).ConfigureAwait(false)
            : new ReviewSlotReturned(false, "no slot was reserved");
        var cause = $"{request.Failure.Cause} (inference #{reserved.SequenceNumber}: after the error {slot.Summary})";
        return new AuditSlotReturned(slot.Released, slot.Summary, request.Failure with { Cause = cause });
    }
}
