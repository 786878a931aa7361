namespace ContinuousImprovement.Core.Notifications;

/// <summary>
/// How a digest run claims the notifications it mails. The run claims, reads what it claimed, mails one summary,
/// then marks the claim sent, which removes those notifications; each step may be retried. A run that dies holding
/// a claim leaves the notifications waiting; the next run takes the claim over once it is stale and mails them then.
/// Delivery is therefore at least once: a run that mailed but could not mark (its store down through every retry)
/// leaves a claim that the next run takes over and mails again, which is better than a notification never mailed.
/// </summary>
public static class DigestClaims
{
    /// <summary>
    /// A claim covers notifications added at least this long ago. A notification's time is taken just before it is
    /// written, and that write can land late (retries, a slow function) but never later than the 15 minutes a Lambda
    /// function may run, so nothing is still on its way into a claimed range; an entry added later waits for the next digest.
    /// </summary>
    public static readonly TimeSpan Settle = TimeSpan.FromMinutes(15);

    /// <summary>
    /// A claim this old belongs to a run that died (one run takes seconds; its retries a few minutes), so the next
    /// run may take it over. Shorter would risk two live runs mailing the same notifications.
    /// </summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(15);

    /// <summary>
    /// What run <paramref name="digestId"/> does about the stored claim <paramref name="current"/> at <paramref name="now"/>:
    /// none stored → <see cref="DigestClaimAction.Claim"/> through now − <see cref="Settle"/>; its own → resume it as it is
    /// (a retry must mail what the first attempt claimed); another run's claimed less than <see cref="StaleAfter"/> ago →
    /// busy; another's older → claim, through the later of its end and now − settle, so a takeover never covers less.
    /// Example at 10:00: none → claim through 09:45; ("run-a", through 08:45, claimed 09:00) seen by run-b → claim through
    /// 09:45; the same claimed at 09:50 → busy; seen by run-a → resume through 08:45.
    /// </summary>
    public static DigestClaimDecision Decide(DigestClaim? current, string digestId, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(digestId);
        var through = now - Settle;
        if (current is null)
        {
            return new DigestClaimDecision(DigestClaimAction.Claim, new DigestClaim(digestId, through, now));
        }

        if (current.DigestId == digestId)
        {
            return new DigestClaimDecision(DigestClaimAction.Resume, current);
        }

        return now - current.ClaimedAt < StaleAfter
            ? new DigestClaimDecision(DigestClaimAction.Busy, current)
            : new DigestClaimDecision(DigestClaimAction.Claim, new DigestClaim(digestId, current.Through > through ? current.Through : through, now));
    }
}
