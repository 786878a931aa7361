using System.Text.Json.Serialization;

namespace ContinuousImprovement.Local.Twin.Workflows;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ExecutionSummary))]
internal sealed partial class TwinJsonContext : JsonSerializerContext;
