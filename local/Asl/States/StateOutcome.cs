using ContinuousImprovement.Asl.Json;

namespace ContinuousImprovement.Asl.States;

/// <summary>What a state hands on: its output and the next state's name (null when the machine ends here).</summary>
internal readonly record struct StateOutcome(JsonValue Output, string? Next);
