using System.Text.Json;
using System.Text.Json.Serialization;

namespace ContinuousImprovement.Handlers.OperationsDigest;

// Nulls are written (Choice states test them); a missing or null required field is an input error.
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(LoadOperationsSettingsRequest))]
[JsonSerializable(typeof(OperationsSettingsLoaded))]
[JsonSerializable(typeof(CheckDriftRequest))]
[JsonSerializable(typeof(DriftChecked))]
[JsonSerializable(typeof(RecordDriftRequest))]
[JsonSerializable(typeof(DriftRecorded))]
[JsonSerializable(typeof(ClaimDigestRequest))]
[JsonSerializable(typeof(DigestClaimed))]
[JsonSerializable(typeof(PublishDigestRequest))]
[JsonSerializable(typeof(DigestPublished))]
[JsonSerializable(typeof(MarkSentRequest))]
[JsonSerializable(typeof(DigestMarked))]
[JsonSerializable(typeof(DescribeOperationsFailureRequest))]
[JsonSerializable(typeof(OperationsFailureReport))]
internal sealed partial class OperationsDigestJsonContext : JsonSerializerContext;
