using System.Text.Json.Serialization;

namespace ContinuousImprovement.Handlers.ParameterApply;

// Nulls are written (Choice states test them with IsNull); a missing or null required field is an input error.
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(CheckChangeRequest))]
[JsonSerializable(typeof(ParameterChange))]
[JsonSerializable(typeof(ChangeRequest))]
[JsonSerializable(typeof(ParameterOutcome))]
[JsonSerializable(typeof(LastGoodRemembered))]
[JsonSerializable(typeof(DescribeParameterFailureRequest))]
[JsonSerializable(typeof(Detection.FailureReport))]
internal sealed partial class ParameterApplyJsonContext : JsonSerializerContext;
