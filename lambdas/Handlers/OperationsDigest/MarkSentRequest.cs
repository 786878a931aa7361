using ContinuousImprovement.Core.Notifications;

namespace ContinuousImprovement.Handlers.OperationsDigest;

/// <summary>The claim whose notifications were mailed.</summary>
public sealed record MarkSentRequest(DigestClaim Claim);
