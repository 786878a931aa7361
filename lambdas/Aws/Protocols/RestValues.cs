using System.Globalization;
using System.Text;
using System.Text.Json;
using ContinuousImprovement.Aws.Model;

namespace ContinuousImprovement.Aws.Protocols;

/// <summary>Scalars as text for URI labels, query strings and headers of the REST protocols, and back from headers.</summary>
internal static class RestValues
{
    /// <summary>A scalar parameter as text; timestamps use the member's format, else <paramref name="defaultTimestampFormat"/>.</summary>
    public static string Text(MemberRef member, Shape shape, JsonElement value, string defaultTimestampFormat) => shape.Type switch
    {
        ShapeType.Timestamp => Timestamps.Format(Timestamps.Read(value), member.TimestampFormat ?? shape.TimestampFormat ?? defaultTimestampFormat),
        ShapeType.String when member.JsonValue => Convert.ToBase64String(Encoding.UTF8.GetBytes(value.GetString() ?? "")),
        _ => value.ValueKind switch
        {
            JsonValueKind.String => value.GetString() ?? "",
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.Number => value.GetRawText(),
            _ => throw new ArgumentException($"{member.Name} must be a scalar, not {value.ValueKind}."),
        },
    };

    /// <summary>A list header: items comma-separated, strings quoted when they hold a comma or a quote.</summary>
    public static string ListHeader(MemberRef item, Shape itemShape, JsonElement list) =>
        string.Join(", ", list.EnumerateArray().Select(v =>
        {
            var text = Text(item, itemShape, v, Timestamps.Rfc822);
            return itemShape.Type == ShapeType.String && (text.Contains(',', StringComparison.Ordinal) || text.Contains('"', StringComparison.Ordinal))
                ? $"\"{text.Replace("\"", "\\\"", StringComparison.Ordinal)}\""
                : text;
        }));

    /// <summary>Writes a header value as the canonical JSON of its shape.</summary>
    public static void WriteHeader(Utf8JsonWriter writer, ServiceModel model, MemberRef member, Shape shape, string header)
    {
        switch (shape.Type)
        {
            case ShapeType.List:
                var itemShape = model.Shape(shape.ListMember!);
                writer.WriteStartArray();
                foreach (var item in SplitList(header, itemShape))
                {
                    WriteHeader(writer, model, shape.ListMember!, itemShape, item);
                }
                writer.WriteEndArray();
                break;
            case ShapeType.Timestamp:
                writer.WriteStringValue(Timestamps.Parse(header));
                break;
            case ShapeType.Boolean:
                writer.WriteBooleanValue(bool.Parse(header.Trim()));
                break;
            case ShapeType.Integer or ShapeType.Long:
                writer.WriteNumberValue(long.Parse(header.Trim(), CultureInfo.InvariantCulture));
                break;
            case ShapeType.Float or ShapeType.Double:
                var number = header.Trim();
                if (number is "NaN" or "Infinity" or "-Infinity")
                {
                    writer.WriteStringValue(number);
                }
                else
                {
                    writer.WriteRawValue(double.Parse(number, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture));
                }
                break;
            case ShapeType.String when member.JsonValue:
                writer.WriteStringValue(Encoding.UTF8.GetString(Convert.FromBase64String(header)));
                break;
            default:
                writer.WriteStringValue(header);
                break;
        }
    }

    private static IEnumerable<string> SplitList(string header, Shape itemShape)
    {
        if (itemShape.Type == ShapeType.Timestamp)
        {
            // HTTP dates contain a comma themselves: "Mon, 16 Dec 2019 23:48:18 GMT, Mon, 16 Dec ...".
            return header.Split("GMT", StringSplitOptions.RemoveEmptyEntries)
                .Select(p => p.Trim().TrimStart(',').Trim())
                .Where(p => p.Length > 0)
                .Select(p => p + " GMT");
        }
        var items = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < header.Length; i++)
        {
            var c = header[i];
            if (c == '"' )
            {
                quoted = !quoted;
            }
            else if (c == '\\' && quoted && i + 1 < header.Length)
            {
                current.Append(header[++i]);
            }
            else if (c == ',' && !quoted)
            {
                items.Add(current.ToString().Trim());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }
        items.Add(current.ToString().Trim());
        return items;
    }
}
