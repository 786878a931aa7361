using System.Text.Json;
using System.Text.Json.Serialization;

namespace ContinuousImprovement.Handlers.AuditSampling;

// Nulls are written (Choice states test them); a missing or null required field is an input error.
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(LoadAuditSettingsRequest))]
[JsonSerializable(typeof(AuditSettingsLoaded))]
[JsonSerializable(typeof(PlanAuditRequest))]
[JsonSerializable(typeof(AuditPlanned))]
[JsonSerializable(typeof(PickRequest))]
[JsonSerializable(typeof(PickOutcome))]
[JsonSerializable(typeof(StartAuditReviewRequest))]
[JsonSerializable(typeof(ReturnAuditSlotRequest))]
[JsonSerializable(typeof(AuditSlotReturned))]
[JsonSerializable(typeof(FinishRoundRequest))]
[JsonSerializable(typeof(AuditTotals))]
[JsonSerializable(typeof(DescribeAuditFailureRequest))]
[JsonSerializable(typeof(AuditFailureReport))]
internal sealed partial class AuditSamplingJsonContext : JsonSerializerContext;
