using System.Text.Json.Serialization;

namespace ContinuousImprovement.Aws.A2iRuntime;

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, RespectRequiredConstructorParameters = true, RespectNullableAnnotations = true, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(StartHumanLoopRequest))]
[JsonSerializable(typeof(StartHumanLoopResponse))]
[JsonSerializable(typeof(DescribeHumanLoopRequest))]
[JsonSerializable(typeof(DescribeHumanLoopResponse))]
[JsonSerializable(typeof(StopHumanLoopRequest))]
[JsonSerializable(typeof(ListHumanLoopsRequest))]
[JsonSerializable(typeof(ListHumanLoopsResponse))]
[JsonSerializable(typeof(EmptyResponse))]
public sealed partial class A2iRuntimeJson : JsonSerializerContext;
