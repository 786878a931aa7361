namespace ContinuousImprovement.Handlers.ReviewFiling;

/// <summary>Where the labeled copies are (s3:// URIs, new and already there) and, for a refusal, why (<see cref="FilingStatus"/>).</summary>
public sealed record FilingResult(string Status, IReadOnlyList<string> Keys, string Summary);
