namespace ContinuousImprovement.Core.Notifications;

/// <summary>
/// A digest run's hold on the notifications waiting for the digest: every one added before <paramref name="Through"/>
/// belongs to digest <paramref name="DigestId"/> until it is marked sent. Stored with the digest store and changed
/// only by compare-and-set, so two runs never mail the same notifications while both are alive (see
/// <see cref="DigestClaims.Decide"/>).
/// </summary>
/// <param name="DigestId">The run's id (the execution's name): the same on every retry of that run, so a retry resumes its own claim.</param>
/// <param name="Through">The claim covers notifications added strictly before this.</param>
/// <param name="ClaimedAt">When the claim was made; a claim older than <see cref="DigestClaims.StaleAfter"/> may be taken over.</param>
public sealed record DigestClaim(string DigestId, DateTimeOffset Through, DateTimeOffset ClaimedAt);
