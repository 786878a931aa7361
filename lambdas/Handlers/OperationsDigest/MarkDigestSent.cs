using ContinuousImprovement.Handlers.Invocation;

namespace ContinuousImprovement.Handlers.OperationsDigest;

/// <summary>
/// Marks the mailed notifications sent, so no later digest mails them again, and releases the claim. Marking again
/// is harmless, so the step is retried freely.
/// </summary>
public sealed class MarkDigestSent(Ports ports) : IHandler<MarkSentRequest, DigestMarked>
{
    public async ValueTask<DigestMarked> HandleAsync(MarkSentRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var claim = request.Claim ?? throw new HandlerException(HandlerErrors.InvalidInput, "There is no digest claim to mark sent.");
        return await ports.Digest.MarkSentAsync(claim, cancellationToken).ConfigureAwait(false)
            ? new DigestMarked(true, "the mailed notifications are marked sent and the claim is released")
            : new DigestMarked(false, "another digest run took the claim over (this run was slower than the stale limit), so it mails these notifications again");
    }
}
