using System.Text.Json;

namespace ContinuousImprovement.Handlers.Training;

/// <summary>A failed execution: its input and the state it had reached, with the caught error.</summary>
public sealed record DescribeTrainingFailureRequest(JsonElement Input, TrainingProgress Progress);
