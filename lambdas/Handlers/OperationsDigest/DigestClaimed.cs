using ContinuousImprovement.Core.Notifications;

namespace ContinuousImprovement.Handlers.OperationsDigest;

/// <summary>
/// The digest this run sends: <paramref name="Status"/> <c>claimed</c> with the <paramref name="Claim"/> and the
/// <paramref name="Mail"/> to publish; <c>empty</c> when nothing waited (no mail); <c>busy</c> when another live run
/// holds the waiting notifications. <paramref name="Summary"/> says which, in words.
/// </summary>
public sealed record DigestClaimed(string Status, string Summary, DigestClaim? Claim = null, DigestMail? Mail = null)
{
    public const string Claimed = "claimed";
    public const string Empty = "empty";
    public const string Busy = "busy";
}
