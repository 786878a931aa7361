using ContinuousImprovement.Core.State;

namespace ContinuousImprovement.Handlers.OperationsDigest;

/// <summary>
/// What the whole execution works with: the bucket, the digest's id, the operator values in force (see
/// <see cref="Settings.SettingsSnapshot"/>) with the bad values that were replaced, and the serving version (null
/// when none serves) as the system parameter records it.
/// </summary>
public sealed record OperationsSettingsLoaded(
    string Bucket,
    string DigestId,
    IReadOnlyDictionary<string, string> Values,
    IReadOnlyList<string> Problems,
    ServingVersion? Serving);
