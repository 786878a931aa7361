namespace ContinuousImprovement.Handlers.OperationsDigest;

/// <summary>Whether the alert was remembered; <paramref name="Note"/> says why not (another run remembered one first, which then stands).</summary>
public sealed record DriftRecorded(bool Recorded, string Note);
