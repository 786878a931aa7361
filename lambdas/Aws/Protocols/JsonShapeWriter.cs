using System.Text.Json;
using ContinuousImprovement.Aws.Model;

namespace ContinuousImprovement.Aws.Protocols;

/// <summary>
/// Writes caller parameters (JSON named by model member names; blobs base64, timestamps ISO 8601 or epoch seconds)
/// as a JSON protocol body: members renamed to their wire names and timestamps put in the shape's format.
/// </summary>
internal sealed class JsonShapeWriter(ServiceModel model, string defaultTimestampFormat)
{
    /// <summary>Writes a structure; <paramref name="include"/> picks members (REST keeps only body members).</summary>
    public void WriteStructure(Utf8JsonWriter writer, Shape shape, JsonElement value, Func<MemberRef, bool> include)
    {
        writer.WriteStartObject();
        foreach (var property in value.EnumerateObject())
        {
            var member = shape.Member(property.Name)
                ?? throw new ArgumentException($"'{property.Name}' is not a member of {shape.Name} in the {model.Metadata.ServiceId} model.");
            if (property.Value.ValueKind == JsonValueKind.Null || !include(member))
            {
                continue;
            }
            writer.WritePropertyName(member.WireName);
            WriteValue(writer, member, property.Value);
        }
        writer.WriteEndObject();
    }

    public void WriteValue(Utf8JsonWriter writer, MemberRef member, JsonElement value)
    {
        var shape = model.Shape(member);
        switch (shape.Type)
        {
            case ShapeType.Structure:
                WriteStructure(writer, shape, value, _ => true);
                break;
            case ShapeType.List:
                writer.WriteStartArray();
                foreach (var item in value.EnumerateArray())
                {
                    WriteValue(writer, shape.ListMember!, item);
                }
                writer.WriteEndArray();
                break;
            case ShapeType.Map:
                writer.WriteStartObject();
                foreach (var entry in value.EnumerateObject())
                {
                    if (entry.Value.ValueKind == JsonValueKind.Null)
                    {
                        continue;
                    }
                    writer.WritePropertyName(entry.Name);
                    WriteValue(writer, shape.MapValue!, entry.Value);
                }
                writer.WriteEndObject();
                break;
            case ShapeType.Timestamp:
                var format = member.TimestampFormat ?? shape.TimestampFormat ?? defaultTimestampFormat;
                var text = Timestamps.Format(Timestamps.Read(value), format);
                if (format == Timestamps.UnixTimestamp)
                {
                    writer.WriteRawValue(text);
                }
                else
                {
                    writer.WriteStringValue(text);
                }
                break;
            default:
                // Strings, numbers (including "NaN"/"Infinity" as strings), booleans, base64 blobs and documents
                // already have their wire form.
                value.WriteTo(writer);
                break;
        }
    }
}
