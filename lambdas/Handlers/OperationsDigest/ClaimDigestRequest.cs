namespace ContinuousImprovement.Handlers.OperationsDigest;

/// <summary>The digest's id (the execution's name), the deployment's bucket, and lines to add at the end of the mail (the drift check's summary).</summary>
public sealed record ClaimDigestRequest(string DigestId, string Bucket, IReadOnlyList<string>? Notes = null);
