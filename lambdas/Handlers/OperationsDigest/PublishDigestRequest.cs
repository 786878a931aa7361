using ContinuousImprovement.Core.Notifications;

namespace ContinuousImprovement.Handlers.OperationsDigest;

/// <summary>The composed digest mail.</summary>
public sealed record PublishDigestRequest(DigestMail Mail);
