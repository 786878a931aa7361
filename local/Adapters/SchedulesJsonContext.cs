using System.Text.Json.Serialization;

namespace ContinuousImprovement.Local.Adapters;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(SortedDictionary<string, ScheduleEntry>))]
internal sealed partial class SchedulesJsonContext : JsonSerializerContext;
