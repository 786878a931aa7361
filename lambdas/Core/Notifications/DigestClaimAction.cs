namespace ContinuousImprovement.Core.Notifications;

/// <summary>What a digest run does about the stored claim (see <see cref="DigestClaims.Decide"/>).</summary>
public enum DigestClaimAction
{
    /// <summary>Store a new claim (none was stored, or the stored one went stale): compare-and-set against the stored one.</summary>
    Claim,

    /// <summary>The stored claim is this run's own (a retried step): carry on with it unchanged.</summary>
    Resume,

    /// <summary>Another live run holds the claim: send nothing now, it is mailing those notifications.</summary>
    Busy,
}
