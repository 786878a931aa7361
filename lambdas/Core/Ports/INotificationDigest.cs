using ContinuousImprovement.Core.Notifications;

namespace ContinuousImprovement.Core.Ports;

/// <summary>
/// Where notifications routed to the digest wait for the next periodic digest mail (a DynamoDB table on AWS, a file
/// in the twin), so that subscribers get one mail per period instead of one per image. The digest run claims what
/// waits (<see cref="TryClaimAsync"/>), reads it (<see cref="WaitingAsync"/>), mails one summary and marks the claim
/// sent (<see cref="MarkSentAsync"/>); the rules of the claim are <see cref="DigestClaims"/>'.
/// </summary>
public interface INotificationDigest
{
    /// <summary>Keeps one notification for the next digest.</summary>
    Task AddAsync(Notification notification, CancellationToken cancellationToken);

    /// <summary>The claim a digest run holds; null when none does.</summary>
    Task<DigestClaim?> CurrentClaimAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Stores <paramref name="claim"/> only if the stored claim is still <paramref name="expected"/> (null: none is
    /// stored); false when another run changed it meanwhile, whose claim then stands.
    /// </summary>
    Task<bool> TryClaimAsync(DigestClaim? expected, DigestClaim claim, CancellationToken cancellationToken);

    /// <summary>The notifications waiting that were added before <paramref name="addedBefore"/>, oldest first.</summary>
    IAsyncEnumerable<Notification> WaitingAsync(DateTimeOffset addedBefore, CancellationToken cancellationToken);

    /// <summary>
    /// Marks the notifications of <paramref name="claim"/> sent — they are removed and never returned again — and
    /// releases the claim, if it is still the stored one. Marking again is harmless: true also when no claim is
    /// stored any more (a retry after the first mark). False, removing nothing, when another run has taken the claim
    /// over: those notifications go into that run's digest.
    /// </summary>
    Task<bool> MarkSentAsync(DigestClaim claim, CancellationToken cancellationToken);
}
