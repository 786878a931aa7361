using System.Text.Json;
using System.Text.Json.Serialization;

namespace ContinuousImprovement.Handlers.Detection;

// Nulls are written (Choice states test them with IsNull); a missing or null required field is an input error.
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(UploadRead))]
[JsonSerializable(typeof(LoadSettingsRequest))]
[JsonSerializable(typeof(SettingsLoaded))]
[JsonSerializable(typeof(ImageRequest))]
[JsonSerializable(typeof(DetectLabelsRequest))]
[JsonSerializable(typeof(Contracts.PredictionResult))]
[JsonSerializable(typeof(QuarantineRequest))]
[JsonSerializable(typeof(LogInferenceRequest))]
[JsonSerializable(typeof(InferenceLogged))]
[JsonSerializable(typeof(DecideReviewRequest))]
[JsonSerializable(typeof(StartReviewRequest))]
[JsonSerializable(typeof(DetectionOutcome))]
[JsonSerializable(typeof(ReturnReviewSlotRequest))]
[JsonSerializable(typeof(Contracts.ReviewSlotReturned))]
[JsonSerializable(typeof(DescribeFailureRequest))]
[JsonSerializable(typeof(FailureReport))]
[JsonSerializable(typeof(PendingMarker))]
internal sealed partial class DetectionJsonContext : JsonSerializerContext;
