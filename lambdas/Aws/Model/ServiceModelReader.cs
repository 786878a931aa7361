using System.Text.Json;

namespace ContinuousImprovement.Aws.Model;

/// <summary>Reads the botocore JSON layout of metadata, shapes and operations.</summary>
internal static class ServiceModelReader
{
    public static ServiceMetadata Metadata(JsonElement m)
    {
        var endpointPrefix = Text(m, "endpointPrefix") ?? "";
        return new ServiceMetadata(
            Text(m, "protocol") ?? throw new FormatException("The service model metadata has no protocol."),
            Text(m, "apiVersion") ?? "",
            endpointPrefix,
            Text(m, "signingName") ?? endpointPrefix,
            Text(m, "serviceId") ?? endpointPrefix)
        {
            TargetPrefix = Text(m, "targetPrefix"),
            JsonVersion = Text(m, "jsonVersion") ?? "1.0",
        };
    }

    public static OperationModel Operation(JsonElement o)
    {
        var http = o.GetProperty("http");
        var name = Text(o, "name") ?? throw new FormatException("An operation has no name.");
        return new OperationModel(name, Text(http, "method") ?? "POST", Text(http, "requestUri") ?? "/")
        {
            InputShape = o.TryGetProperty("input", out var input) ? Text(input, "shape") : null,
            OutputShape = o.TryGetProperty("output", out var output) ? Text(output, "shape") : null,
            ResultWrapper = o.TryGetProperty("output", out var wrapped) ? Text(wrapped, "resultWrapper") : null,
            Errors = o.TryGetProperty("errors", out var errors)
                ? errors.EnumerateArray().Select(e => Text(e, "shape") ?? "").ToList()
                : [],
        };
    }

    public static Shape Shape(string name, JsonElement s)
    {
        var type = TypeOf(Text(s, "type") ?? throw new FormatException($"Shape '{name}' has no type."), name);
        return new Shape(name, type)
        {
            Members = s.TryGetProperty("members", out var members)
                ? members.EnumerateObject().Select(m => Member(m.Name, m.Value)).ToList()
                : [],
            Required = s.TryGetProperty("required", out var required)
                ? required.EnumerateArray().Select(r => r.GetString() ?? "").ToHashSet(StringComparer.Ordinal)
                : new HashSet<string>(StringComparer.Ordinal),
            ListMember = s.TryGetProperty("member", out var member) ? Member("member", member) : null,
            MapKey = s.TryGetProperty("key", out var key) ? Member("key", key) : null,
            MapValue = s.TryGetProperty("value", out var value) ? Member("value", value) : null,
            Flattened = Flag(s, "flattened"),
            TimestampFormat = Text(s, "timestampFormat"),
            Payload = Text(s, "payload"),
            ErrorCode = s.TryGetProperty("error", out var error) ? Text(error, "code") : null,
            IsException = Flag(s, "exception"),
        };
    }

    private static MemberRef Member(string name, JsonElement m) => new(name, Text(m, "shape") ?? throw new FormatException($"Member '{name}' has no shape."))
    {
        Location = Text(m, "location") switch
        {
            null => MemberLocation.Body,
            "uri" => MemberLocation.Uri,
            "querystring" => MemberLocation.QueryString,
            "header" => MemberLocation.Header,
            "headers" => MemberLocation.Headers,
            "statusCode" => MemberLocation.StatusCode,
            var other => throw new FormatException($"Member '{name}' has an unknown location '{other}'."),
        },
        LocationName = Text(m, "locationName"),
        QueryName = Text(m, "queryName"),
        Flattened = m.TryGetProperty("flattened", out var flattened) ? flattened.GetBoolean() : null,
        TimestampFormat = Text(m, "timestampFormat"),
        JsonValue = Flag(m, "jsonvalue"),
        IdempotencyToken = Flag(m, "idempotencyToken"),
        XmlAttribute = Flag(m, "xmlAttribute"),
    };

    private static ShapeType TypeOf(string type, string name) => type switch
    {
        "structure" => ShapeType.Structure,
        "union" => ShapeType.Structure,
        "list" => ShapeType.List,
        "map" => ShapeType.Map,
        "string" or "character" => ShapeType.String,
        "byte" or "short" or "integer" => ShapeType.Integer,
        "long" or "bigInteger" => ShapeType.Long,
        "float" => ShapeType.Float,
        "double" or "bigDecimal" => ShapeType.Double,
        "boolean" => ShapeType.Boolean,
        "blob" => ShapeType.Blob,
        "timestamp" => ShapeType.Timestamp,
        "document" => ShapeType.Document,
        _ => throw new FormatException($"Shape '{name}' has an unknown type '{type}'."),
    };

    private static string? Text(JsonElement e, string property) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static bool Flag(JsonElement e, string property) =>
        e.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.True;
}
