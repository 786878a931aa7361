using System.Text.Json.Serialization;
using ContinuousImprovement.Core.Notifications;

namespace ContinuousImprovement.Local.Adapters;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = false)]
[JsonSerializable(typeof(DigestClaim))]
internal sealed partial class DigestJsonContext : JsonSerializerContext;
