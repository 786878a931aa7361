namespace ContinuousImprovement.Core.Manifests;

/// <summary>A manifest line that could not be used; <paramref name="LineNumber"/> is 1-based as editors show it.</summary>
public sealed record ManifestLineError(int LineNumber, string Reason);
