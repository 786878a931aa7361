using ContinuousImprovement.Core.Storage;

namespace ContinuousImprovement.Core.Manifests;

/// <summary>
/// One image of a classification data set and the labels a human gave it (one for a folder-filed image,
/// several for a multi-label line). Only bucket and key reach the manifest: Ground Truth's
/// <c>source-ref</c> has no place for a version id.
/// </summary>
public sealed record ManifestEntry(S3ObjectRef Image, IReadOnlyList<string> Labels);
