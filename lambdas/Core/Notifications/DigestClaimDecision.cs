namespace ContinuousImprovement.Core.Notifications;

/// <summary>The action and the claim it is about: the one to store, this run's own, or the other run's.</summary>
public sealed record DigestClaimDecision(DigestClaimAction Action, DigestClaim Claim);
