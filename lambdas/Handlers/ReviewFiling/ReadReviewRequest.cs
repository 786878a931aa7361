using System.Text.Json;

namespace ContinuousImprovement.Handlers.ReviewFiling;

/// <summary>The event the execution started from (S3 Object Created or A2I status change) and the settings snapshot.</summary>
public sealed record ReadReviewRequest(JsonElement Event, IReadOnlyDictionary<string, string> Settings);
