namespace ContinuousImprovement.Core.Manifests;

/// <summary>The usable lines of a manifest, in file order, and why the others were not usable.</summary>
public sealed record ManifestReadResult(IReadOnlyList<ManifestEntry> Entries, IReadOnlyList<ManifestLineError> Errors);
