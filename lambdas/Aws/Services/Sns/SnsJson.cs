using System.Text.Json.Serialization;

namespace ContinuousImprovement.Aws.Sns;

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, RespectRequiredConstructorParameters = true, RespectNullableAnnotations = true)]
[JsonSerializable(typeof(PublishRequest))]
[JsonSerializable(typeof(PublishResponse))]
public sealed partial class SnsJson : JsonSerializerContext;
