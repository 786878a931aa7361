using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ContinuousImprovement.Aws.Model;

namespace ContinuousImprovement.Aws.Tests.Protocols;

/// <summary>
/// Converts between botocore's test values (blobs as raw text, timestamps as epoch numbers) and our canonical form
/// (blobs base64), and compares parsed output with botocore's expected result shape by shape.
/// </summary>
internal static class ProtocolValues
{
    public static JsonElement ToCanonicalParams(ServiceModel model, Shape shape, JsonElement value)
    {
        var node = Convert(model, shape, value);
        return JsonSerializer.SerializeToElement(node, ProtocolTestJson.Default.JsonNode);
    }

    private static JsonNode? Convert(ServiceModel model, Shape shape, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        switch (shape.Type)
        {
            case ShapeType.Structure:
                var obj = new JsonObject();
                foreach (var property in value.EnumerateObject())
                {
                    var member = shape.Member(property.Name)!;
                    obj[property.Name] = Convert(model, model.Shape(member), property.Value);
                }
                return obj;
            case ShapeType.List:
                return new JsonArray(value.EnumerateArray().Select(v => Convert(model, model.Shape(shape.ListMember!), v)).ToArray());
            case ShapeType.Map:
                var map = new JsonObject();
                foreach (var property in value.EnumerateObject())
                {
                    map[property.Name] = Convert(model, model.Shape(shape.MapValue!), property.Value);
                }
                return map;
            case ShapeType.Blob:
                return JsonValue.Create(System.Convert.ToBase64String(Encoding.UTF8.GetBytes(value.GetString()!)));
            default:
                return JsonNode.Parse(value.GetRawText());
        }
    }

    /// <summary>Null when <paramref name="actual"/> (canonical) means the same as botocore's <paramref name="expected"/>, else where they differ.</summary>
    public static string? Difference(ServiceModel model, Shape shape, JsonElement expected, JsonElement actual, string path = "$")
    {
        switch (shape.Type)
        {
            case ShapeType.Structure:
                var expectedKeys = expected.EnumerateObject().Where(p => p.Value.ValueKind != JsonValueKind.Null).Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
                var actualKeys = actual.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
                if (!expectedKeys.SequenceEqual(actualKeys))
                {
                    return $"{path}: members [{string.Join(",", actualKeys)}], expected [{string.Join(",", expectedKeys)}]";
                }
                return expectedKeys
                    .Select(k => Difference(model, model.Shape(shape.Member(k)!), expected.GetProperty(k), actual.GetProperty(k), $"{path}.{k}"))
                    .FirstOrDefault(d => d is not null);
            case ShapeType.List:
                var e = expected.EnumerateArray().ToList();
                var a = actual.EnumerateArray().ToList();
                return e.Count != a.Count
                    ? $"{path}: {a.Count} items, expected {e.Count}"
                    : e.Zip(a).Select((p, i) => Difference(model, model.Shape(shape.ListMember!), p.First, p.Second, $"{path}[{i}]")).FirstOrDefault(d => d is not null);
            case ShapeType.Map:
                var ek = expected.EnumerateObject().Where(p => p.Value.ValueKind != JsonValueKind.Null).Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
                var ak = actual.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
                return !ek.SequenceEqual(ak)
                    ? $"{path}: keys [{string.Join(",", ak)}], expected [{string.Join(",", ek)}]"
                    : ek.Select(k => Difference(model, model.Shape(shape.MapValue!), expected.GetProperty(k), actual.GetProperty(k), $"{path}.{k}")).FirstOrDefault(d => d is not null);
            case ShapeType.Timestamp:
                var expectedTime = expected.ValueKind == JsonValueKind.Number
                    ? DateTimeOffset.UnixEpoch.AddTicks((long)(expected.GetDecimal() * TimeSpan.TicksPerSecond))
                    : DateTimeOffset.Parse(expected.GetString()!, CultureInfo.InvariantCulture);
                var actualTime = DateTimeOffset.Parse(actual.GetString()!, CultureInfo.InvariantCulture);
                return expectedTime == actualTime ? null : $"{path}: {actualTime:O}, expected {expectedTime:O}";
            case ShapeType.Blob:
                var expectedBase64 = System.Convert.ToBase64String(Encoding.UTF8.GetBytes(expected.GetString()!));
                return expectedBase64 == actual.GetString() ? null : $"{path}: {actual.GetString()}, expected base64 {expectedBase64}";
            case ShapeType.Float or ShapeType.Double when expected.ValueKind == JsonValueKind.Number:
                return actual.ValueKind == JsonValueKind.Number && Math.Abs(expected.GetDouble() - actual.GetDouble()) < 1e-9
                    ? null
                    : $"{path}: {actual.GetRawText()}, expected {expected.GetRawText()}";
            default:
                return JsonElement.DeepEquals(expected, actual) ? null : $"{path}: {actual.GetRawText()}, expected {expected.GetRawText()}";
        }
    }
}
