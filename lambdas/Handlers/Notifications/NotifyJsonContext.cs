using System.Text.Json.Serialization;

namespace ContinuousImprovement.Handlers.Notifications;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(NotifyRequest))]
[JsonSerializable(typeof(NotifyResult))]
internal sealed partial class NotifyJsonContext : JsonSerializerContext;
