using System.Text.Json;

namespace ContinuousImprovement.Handlers.OperationsDigest;

/// <summary>A failed execution: its input and the state it had reached, with the caught error.</summary>
public sealed record DescribeOperationsFailureRequest(JsonElement Input, OperationsProgress Progress);
