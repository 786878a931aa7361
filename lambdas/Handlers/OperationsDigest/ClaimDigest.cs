using System.Globalization;
using ContinuousImprovement.Core.Notifications;
using ContinuousImprovement.Core.Text;
using ContinuousImprovement.Handlers.Invocation;

namespace ContinuousImprovement.Handlers.OperationsDigest;

/// <summary>
/// Claims the notifications waiting for the digest (<see cref="DigestClaims"/>), reads them and composes the one
/// mail that summarizes them (<see cref="NotificationDigestBuilder"/>). A retry resumes the run's own claim and
/// composes the same mail. Nothing waiting: the claim is released and there is no mail.
/// </summary>
public sealed class ClaimDigest(Ports ports) : IHandler<ClaimDigestRequest, DigestClaimed>
{
    public async ValueTask<DigestClaimed> HandleAsync(ClaimDigestRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.DigestId))
        {
            throw new HandlerException(HandlerErrors.InvalidInput, "The digest needs an id: the workflow passes its execution's name.");
        }

        var now = ports.Time.GetUtcNow();
        var current = await ports.Digest.CurrentClaimAsync(cancellationToken).ConfigureAwait(false);
        var decision = DigestClaims.Decide(current, request.DigestId, now);
        if (decision.Action == DigestClaimAction.Busy)
        {
            return Busy(decision.Claim);
        }

        var claim = decision.Claim;
        if (decision.Action == DigestClaimAction.Claim && !await ports.Digest.TryClaimAsync(current, claim, cancellationToken).ConfigureAwait(false))
        {
            var stored = await ports.Digest.CurrentClaimAsync(cancellationToken).ConfigureAwait(false);
            if (stored is null || stored.DigestId != request.DigestId)
            {
                return stored is null
                    ? new DigestClaimed(DigestClaimed.Busy, "Another digest run claimed and sent the waiting notifications meanwhile.")
                    : Busy(stored);
            }

            claim = stored;
        }

        var builder = new NotificationDigestBuilder();
        await foreach (var notification in ports.Digest.WaitingAsync(claim.Through, cancellationToken).ConfigureAwait(false))
        {
            builder.Add(notification);
        }

        var notes = new List<string> { $"Deployment: bucket {Printable.Quote(request.Bucket, maxChars: 80)}." };
        notes.AddRange(request.Notes ?? []);
        var mail = builder.Compose(request.DigestId, claim.Through, notes);
        if (mail is null)
        {
            await ports.Digest.MarkSentAsync(claim, cancellationToken).ConfigureAwait(false);
            return new DigestClaimed(DigestClaimed.Empty, $"Nothing waited for the digest (added before {Time(claim.Through)} UTC): no mail.");
        }

        return new DigestClaimed(DigestClaimed.Claimed, $"Digest {request.DigestId}: {mail.Count.ToString(CultureInfo.InvariantCulture)} notifications added before {Time(claim.Through)} UTC.", claim, mail);
    }

    private static DigestClaimed Busy(DigestClaim other) =>
        new(DigestClaimed.Busy, $"Digest {Printable.Quote(other.DigestId, maxChars: 80)}, claimed at {Time(other.ClaimedAt)} UTC, is sending the waiting notifications; "
            + $"if that run died, the next run takes them over once the claim is {DigestClaims.StaleAfter.TotalMinutes.ToString(CultureInfo.InvariantCulture)} minutes old.");

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
