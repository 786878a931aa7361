using System.Text.Json.Serialization;

namespace ContinuousImprovement.Local.Portal;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = false)]
[JsonSerializable(typeof(ClassifierAnswer))]
[JsonSerializable(typeof(OutputDocument))]
[JsonSerializable(typeof(SubmissionRequest))]
[JsonSerializable(typeof(SubmissionResponse))]
internal sealed partial class PortalJsonContext : JsonSerializerContext;
