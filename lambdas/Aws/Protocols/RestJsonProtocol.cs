using System.Text;
using System.Text.Json;
using ContinuousImprovement.Aws.Model;

namespace ContinuousImprovement.Aws.Protocols;

/// <summary>
/// restJson1: the operation's HTTP method and URI template, members bound to labels, query string and headers, the
/// rest as a JSON body (or one payload member as the whole body). Body timestamps default to epoch seconds, query and
/// label timestamps to ISO 8601, header timestamps to HTTP dates.
/// </summary>
public sealed class RestJsonProtocol(ServiceModel model, Func<string> newIdempotencyToken) : IAwsProtocol
{
    private readonly JsonShapeWriter _writer = new(model, Timestamps.UnixTimestamp);
    private readonly JsonShapeReader _reader = new(model);

    public AwsHttpRequest Serialize(OperationModel operation, JsonElement? input)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var shape = operation.InputShape is null ? null : model.Shape(operation.InputShape);
        var parameters = IdempotencyTokens.Fill(shape, input, newIdempotencyToken);
        var values = shape is not null && parameters is { ValueKind: JsonValueKind.Object } p ? p : default;
        var template = operation.RequestUri.Split('?', 2);
        var path = ExpandLabels(template[0], shape, values);
        var query = new List<string>();
        if (template.Length > 1 && template[1].Length > 0)
        {
            query.Add(template[1]);
        }
        var headers = new List<KeyValuePair<string, string>>();
        if (shape is not null && values.ValueKind == JsonValueKind.Object)
        {
            AddQuery(query, shape, values);
            AddHeaders(headers, shape, values);
        }
        var (body, contentType) = Body(shape, values);
        if (contentType is not null && !headers.Any(h => string.Equals(h.Key, "Content-Type", StringComparison.OrdinalIgnoreCase)))
        {
            headers.Insert(0, new("Content-Type", contentType));
        }
        return new AwsHttpRequest(operation.HttpMethod, path, string.Join('&', query), headers, body);
    }

    public void ReadOutput(Utf8JsonWriter writer, OperationModel operation, AwsHttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(response);
        writer.WriteStartObject();
        if (operation.OutputShape is not null)
        {
            var shape = model.Shape(operation.OutputShape);
            ReadBody(writer, shape, response.Body);
            foreach (var member in shape.Members)
            {
                ReadLocated(writer, member, response);
            }
        }
        writer.WriteEndObject();
    }

    public AwsErrorDetails ReadError(AwsHttpResponse response) => JsonErrorReader.Read(response);

    private string ExpandLabels(string template, Shape? shape, JsonElement values)
    {
        var result = new StringBuilder();
        var position = 0;
        while (position < template.Length)
        {
            var open = template.IndexOf('{', position);
            if (open < 0)
            {
                result.Append(template, position, template.Length - position);
                break;
            }
            var close = template.IndexOf('}', open);
            result.Append(template, position, open - position);
            var label = template[(open + 1)..close];
            var greedy = label.EndsWith('+');
            var name = greedy ? label[..^1] : label;
            var member = shape?.Members.FirstOrDefault(m => m.Location == MemberLocation.Uri && m.WireName == name);
            if (member is null || values.ValueKind != JsonValueKind.Object || !values.TryGetProperty(member.Name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                throw new ArgumentException($"The URI label {{{name}}} needs a value.");
            }
            var text = RestValues.Text(member, model.Shape(member), value, Timestamps.Iso8601);
            result.Append(PercentEncoding.Encode(text, keepSlash: greedy));
            position = close + 1;
        }
        return result.ToString();
    }

    private void AddQuery(List<string> query, Shape shape, JsonElement values)
    {
        var named = new HashSet<string>(StringComparer.Ordinal);
        var maps = new List<(MemberRef Member, JsonElement Value)>();
        foreach (var member in shape.Members.Where(m => m.Location == MemberLocation.QueryString))
        {
            if (!values.TryGetProperty(member.Name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }
            var target = model.Shape(member);
            switch (target.Type)
            {
                case ShapeType.Map:
                    maps.Add((member, value));
                    break;
                case ShapeType.List:
                    foreach (var item in value.EnumerateArray())
                    {
                        query.Add(Pair(member.WireName, RestValues.Text(target.ListMember!, model.Shape(target.ListMember!), item, Timestamps.Iso8601)));
                    }
                    named.Add(member.WireName);
                    break;
                default:
                    query.Add(Pair(member.WireName, RestValues.Text(member, target, value, Timestamps.Iso8601)));
                    named.Add(member.WireName);
                    break;
            }
        }
        // Named query members win over a map of free-form parameters with the same key.
        foreach (var (member, map) in maps)
        {
            var valueRef = model.Shape(member).MapValue!;
            var valueShape = model.Shape(valueRef);
            foreach (var entry in map.EnumerateObject().Where(e => !named.Contains(e.Name)))
            {
                var items = valueShape.Type == ShapeType.List ? entry.Value.EnumerateArray().ToList() : [entry.Value];
                var itemRef = valueShape.Type == ShapeType.List ? valueShape.ListMember! : valueRef;
                foreach (var item in items)
                {
                    query.Add(Pair(entry.Name, RestValues.Text(itemRef, model.Shape(itemRef), item, Timestamps.Iso8601)));
                }
            }
        }
    }

    private void AddHeaders(List<KeyValuePair<string, string>> headers, Shape shape, JsonElement values)
    {
        foreach (var member in shape.Members.Where(m => m.Location is MemberLocation.Header or MemberLocation.Headers))
        {
            if (!values.TryGetProperty(member.Name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }
            var target = model.Shape(member);
            if (member.Location == MemberLocation.Headers)
            {
                foreach (var entry in value.EnumerateObject())
                {
                    headers.Add(new(member.WireName + entry.Name, RestValues.Text(target.MapValue!, model.Shape(target.MapValue!), entry.Value, Timestamps.Rfc822)));
                }
            }
            else if (target.Type == ShapeType.List)
            {
                headers.Add(new(member.WireName, RestValues.ListHeader(target.ListMember!, model.Shape(target.ListMember!), value)));
            }
            else
            {
                headers.Add(new(member.WireName, RestValues.Text(member, target, value, Timestamps.Rfc822)));
            }
        }
    }

    private (byte[] Body, string? ContentType) Body(Shape? shape, JsonElement values)
    {
        if (shape is null)
        {
            return ([], null);
        }
        var hasValues = values.ValueKind == JsonValueKind.Object;
        if (shape.Payload is { } payloadName)
        {
            var member = shape.Member(payloadName)!;
            var target = model.Shape(member);
            var present = hasValues && values.TryGetProperty(member.Name, out var payload) && payload.ValueKind != JsonValueKind.Null;
            var value = present ? values.GetProperty(member.Name) : default;
            return target.Type switch
            {
                ShapeType.Blob => present ? (Convert.FromBase64String(value.GetString() ?? ""), "application/octet-stream") : ([], null),
                ShapeType.String => present ? (Encoding.UTF8.GetBytes(value.GetString() ?? ""), "text/plain") : ([], null),
                _ => (Json(w =>
                {
                    if (present)
                    {
                        _writer.WriteValue(w, member, value);
                    }
                    else
                    {
                        w.WriteStartObject();
                        w.WriteEndObject();
                    }
                }), "application/json"),
            };
        }
        if (!shape.Members.Any(m => m.Location == MemberLocation.Body))
        {
            return ([], null);
        }
        return (Json(w =>
        {
            if (hasValues)
            {
                _writer.WriteStructure(w, shape, values, m => m.Location == MemberLocation.Body);
            }
            else
            {
                w.WriteStartObject();
                w.WriteEndObject();
            }
        }), "application/json");
    }

    private void ReadBody(Utf8JsonWriter writer, Shape shape, ReadOnlyMemory<byte> body)
    {
        if (shape.Payload is { } payloadName)
        {
            var member = shape.Member(payloadName)!;
            var target = model.Shape(member);
            if (body.IsEmpty)
            {
                return;
            }
            writer.WritePropertyName(member.Name);
            switch (target.Type)
            {
                case ShapeType.Blob:
                    writer.WriteBase64StringValue(body.Span);
                    break;
                case ShapeType.String:
                    writer.WriteStringValue(Encoding.UTF8.GetString(body.Span));
                    break;
                default:
                    using (var payload = JsonDocument.Parse(body))
                    {
                        _reader.WriteValue(writer, target, payload.RootElement);
                    }
                    break;
            }
            return;
        }
        if (body.IsEmpty || !shape.Members.Any(m => m.Location == MemberLocation.Body))
        {
            return;
        }
        using var document = JsonDocument.Parse(body);
        _reader.WriteMembers(writer, shape, document.RootElement, m => m.Location == MemberLocation.Body);
    }

    private void ReadLocated(Utf8JsonWriter writer, MemberRef member, AwsHttpResponse response)
    {
        var target = model.Shape(member);
        switch (member.Location)
        {
            case MemberLocation.Header when response.Header(member.WireName) is { } header:
                writer.WritePropertyName(member.Name);
                RestValues.WriteHeader(writer, model, member, target, header);
                break;
            case MemberLocation.Headers:
                var prefixed = response.Headers.Where(h => h.Key.StartsWith(member.WireName, StringComparison.OrdinalIgnoreCase)).ToList();
                if (prefixed.Count == 0)
                {
                    break;
                }
                writer.WritePropertyName(member.Name);
                writer.WriteStartObject();
                foreach (var (name, value) in prefixed)
                {
                    writer.WriteString(name[member.WireName.Length..], value);
                }
                writer.WriteEndObject();
                break;
            case MemberLocation.StatusCode:
                writer.WriteNumber(member.Name, response.StatusCode);
                break;
        }
    }

    private static string Pair(string key, string value) => $"{PercentEncoding.Encode(key)}={PercentEncoding.Encode(value)}";

    private static byte[] Json(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }
        return buffer.ToArray();
    }
}
