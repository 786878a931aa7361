namespace ContinuousImprovement.Core.Manifests;

/// <summary>A listed object that did not become a manifest entry, and why (so operators can find stray files).</summary>
public sealed record SkippedKey(string Key, string Reason);
