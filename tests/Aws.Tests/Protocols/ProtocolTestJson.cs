using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ContinuousImprovement.Aws.Tests.Protocols;

[JsonSerializable(typeof(JsonNode))]
internal sealed partial class ProtocolTestJson : JsonSerializerContext;
