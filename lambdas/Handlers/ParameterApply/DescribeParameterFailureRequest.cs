using System.Text.Json;

namespace ContinuousImprovement.Handlers.ParameterApply;

/// <summary>A failed parameter-apply execution: the event it started from and the state it had reached.</summary>
public sealed record DescribeParameterFailureRequest(JsonElement Event, ParameterApplyProgress Progress);
