namespace ContinuousImprovement.Core.Manifests;

/// <summary>Entries built from a folder listing, ordered by key, and the keys left out with their reasons.</summary>
public sealed record LabeledImagesResult(IReadOnlyList<ManifestEntry> Entries, IReadOnlyList<SkippedKey> Skipped);
