using System.Text.Json.Serialization;

namespace ContinuousImprovement.Aws.EventBridge;

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, RespectRequiredConstructorParameters = true, RespectNullableAnnotations = true)]
[JsonSerializable(typeof(PutRuleRequest))]
[JsonSerializable(typeof(PutRuleResponse))]
[JsonSerializable(typeof(EnableRuleRequest))]
[JsonSerializable(typeof(DisableRuleRequest))]
[JsonSerializable(typeof(DescribeRuleRequest))]
[JsonSerializable(typeof(DescribeRuleResponse))]
[JsonSerializable(typeof(EmptyResponse))]
public sealed partial class EventBridgeJson : JsonSerializerContext;
