using System.Text.Json.Serialization;

namespace ContinuousImprovement.Aws.StepFunctions;

/// <summary>Step Functions names its members in camelCase on the wire (stateMachineArn, executionArn).</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, RespectRequiredConstructorParameters = true, RespectNullableAnnotations = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(StartExecutionRequest))]
[JsonSerializable(typeof(StartExecutionResponse))]
[JsonSerializable(typeof(DescribeExecutionRequest))]
[JsonSerializable(typeof(DescribeExecutionResponse))]
public sealed partial class StepFunctionsJson : JsonSerializerContext;
