using System.Text.Json.Serialization;

namespace ContinuousImprovement.Aws.SageMaker;

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, RespectRequiredConstructorParameters = true, RespectNullableAnnotations = true)]
[JsonSerializable(typeof(CreateFlowDefinitionRequest))]
[JsonSerializable(typeof(CreateFlowDefinitionResponse))]
[JsonSerializable(typeof(DescribeFlowDefinitionRequest))]
[JsonSerializable(typeof(DescribeFlowDefinitionResponse))]
[JsonSerializable(typeof(CreateHumanTaskUiRequest))]
[JsonSerializable(typeof(CreateHumanTaskUiResponse))]
public sealed partial class SageMakerJson : JsonSerializerContext;
