using System.Text.Json.Serialization;

namespace ContinuousImprovement.Aws.Scheduler;

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, RespectRequiredConstructorParameters = true, RespectNullableAnnotations = true)]
[JsonSerializable(typeof(UpdateScheduleRequest))]
[JsonSerializable(typeof(UpdateScheduleResponse))]
[JsonSerializable(typeof(GetScheduleRequest))]
[JsonSerializable(typeof(GetScheduleResponse))]
public sealed partial class SchedulerJson : JsonSerializerContext;
