using System.Text.Json.Serialization;

namespace ContinuousImprovement.Local.Adapters;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    WriteIndented = true)]
[JsonSerializable(typeof(LocalVersionRecord))]
[JsonSerializable(typeof(List<LocalPlannedVersion>))]
internal sealed partial class LocalTrainingJsonContext : JsonSerializerContext;
