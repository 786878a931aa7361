namespace ContinuousImprovement.Handlers.OperationsDigest;

/// <summary>Whether the mailed notifications were marked sent; <paramref name="Note"/> says what that means.</summary>
public sealed record DigestMarked(bool Marked, string Note);
