using ContinuousImprovement.Core.Drift;

namespace ContinuousImprovement.Handlers.OperationsDigest;

/// <summary>The alert to remember and the one the check read (null: none), for the compare-and-set.</summary>
public sealed record RecordDriftRequest(DriftAlert Alert, DriftAlert? Expected);
