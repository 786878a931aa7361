namespace ContinuousImprovement.Handlers.OperationsDigest;

/// <summary>The digest mail went out, with this many notifications in it.</summary>
public sealed record DigestPublished(string Kind, long Count);
