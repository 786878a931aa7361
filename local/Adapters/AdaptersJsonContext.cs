using System.Text.Json.Serialization;
using ContinuousImprovement.Core.Ports;

namespace ContinuousImprovement.Local.Adapters;

// Named floating-point literals: a prediction may carry NaN (Core reads it as 0) and must still round-trip.
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    WriteIndented = false)]
[JsonSerializable(typeof(ObjectSidecar))]
[JsonSerializable(typeof(ParameterFile))]
[JsonSerializable(typeof(Notification))]
[JsonSerializable(typeof(List<StoredLabel>))]
[JsonSerializable(typeof(List<string>))]
[JsonSerializable(typeof(OpenLoop))]
[JsonSerializable(typeof(CompletedLoop))]
[JsonSerializable(typeof(LocalModelVersion))]
internal sealed partial class AdaptersJsonContext : JsonSerializerContext;
