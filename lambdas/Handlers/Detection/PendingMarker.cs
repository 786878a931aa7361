using ContinuousImprovement.Handlers.Contracts;

namespace ContinuousImprovement.Handlers.Detection;

/// <summary>The body of a pending marker: which upload waits, since when, and why.</summary>
public sealed record PendingMarker(ImageRef Image, DateTimeOffset MarkedAt, string Reason);
