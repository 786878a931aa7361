namespace ContinuousImprovement.Core.Events;

/// <summary>Something in an event that the workflows deliberately leave alone, and why (logged, not an error).</summary>
public sealed record IgnoredEvent(string What, string Reason);
