using System.Text.Json;

namespace ContinuousImprovement.Handlers.Detection;

/// <summary>A failed execution: the event it started from and the state it had reached, with the caught error.</summary>
public sealed record DescribeFailureRequest(JsonElement Event, DetectionProgress Progress);
