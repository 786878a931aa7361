namespace ContinuousImprovement.Handlers.Detection;

/// <summary>The logged prediction's 1-based sequence number (what audit sampling counts).</summary>
public sealed record InferenceLogged(long SequenceNumber);
