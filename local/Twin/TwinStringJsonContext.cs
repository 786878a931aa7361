using System.Text.Json.Serialization;

namespace ContinuousImprovement.Local.Twin;

[JsonSerializable(typeof(string))]
internal sealed partial class TwinStringJsonContext : JsonSerializerContext;
