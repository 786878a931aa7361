using System.Text.Json;
using ContinuousImprovement.Aws.Model;

namespace ContinuousImprovement.Aws.Protocols;

/// <summary>
/// Reads a JSON protocol body into the canonical form the typed records read: keys are model member names,
/// timestamps ISO 8601, unknown keys and nulls dropped (as botocore does).
/// </summary>
internal sealed class JsonShapeReader(ServiceModel model)
{
    public void WriteStructure(Utf8JsonWriter writer, Shape shape, JsonElement wire, Func<MemberRef, bool> include)
    {
        writer.WriteStartObject();
        WriteMembers(writer, shape, wire, include);
        writer.WriteEndObject();
    }

    /// <summary>Writes the members found in <paramref name="wire"/> into an object the caller has opened.</summary>
    public void WriteMembers(Utf8JsonWriter writer, Shape shape, JsonElement wire, Func<MemberRef, bool> include)
    {
        if (wire.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"Expected a JSON object for {shape.Name}, found {wire.ValueKind}.");
        }
        foreach (var member in shape.Members)
        {
            if (include(member) && wire.TryGetProperty(member.WireName, out var value) && value.ValueKind != JsonValueKind.Null)
            {
                writer.WritePropertyName(member.Name);
                WriteValue(writer, model.Shape(member), value);
            }
        }
    }

    public void WriteValue(Utf8JsonWriter writer, Shape shape, JsonElement value)
    {
        switch (shape.Type)
        {
            case ShapeType.Structure:
                WriteStructure(writer, shape, value, _ => true);
                break;
            case ShapeType.List:
                writer.WriteStartArray();
                foreach (var item in value.EnumerateArray().Where(i => i.ValueKind != JsonValueKind.Null))
                {
                    WriteValue(writer, model.Shape(shape.ListMember!), item);
                }
                writer.WriteEndArray();
                break;
            case ShapeType.Map:
                writer.WriteStartObject();
                foreach (var entry in value.EnumerateObject().Where(e => e.Value.ValueKind != JsonValueKind.Null))
                {
                    writer.WritePropertyName(entry.Name);
                    WriteValue(writer, model.Shape(shape.MapValue!), entry.Value);
                }
                writer.WriteEndObject();
                break;
            case ShapeType.Timestamp:
                writer.WriteStringValue(Timestamps.Read(value));
                break;
            default:
                value.WriteTo(writer);
                break;
        }
    }
}
