using ContinuousImprovement.Core.State;

namespace ContinuousImprovement.Handlers.OperationsDigest;

/// <summary>The serving version (null when none serves) and the execution's settings snapshot.</summary>
public sealed record CheckDriftRequest(ServingVersion? Serving, IReadOnlyDictionary<string, string> Settings);
