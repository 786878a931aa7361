using System.Text.Json.Serialization;

namespace ContinuousImprovement.Local.Portal.Tests;

[JsonSerializable(typeof(string[]))]
internal sealed partial class PortalTestJsonContext : JsonSerializerContext;
