using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;
using ContinuousImprovement.Aws.Model;

namespace ContinuousImprovement.Aws.Protocols;

/// <summary>
/// Reads awsQuery XML into canonical JSON by shape: members by element name, lists as &lt;member&gt; children (or
/// repeated elements when flattened), maps as &lt;entry&gt;&lt;key/&gt;&lt;value/&gt;&lt;/entry&gt;; namespaces ignored.
/// </summary>
internal sealed class XmlShapeReader(ServiceModel model)
{
    public void WriteStructure(Utf8JsonWriter writer, Shape shape, XElement element)
    {
        writer.WriteStartObject();
        foreach (var member in shape.Members)
        {
            var target = model.Shape(member);
            if (member.XmlAttribute)
            {
                if (element.Attributes().FirstOrDefault(a => a.Name.LocalName == member.WireName) is { } attribute)
                {
                    writer.WritePropertyName(member.Name);
                    WriteScalar(writer, target, attribute.Value);
                }
                continue;
            }
            var name = ElementName(member, target);
            var nodes = element.Elements().Where(e => e.Name.LocalName == name).ToList();
            if (nodes.Count == 0)
            {
                continue;
            }
            writer.WritePropertyName(member.Name);
            var flattened = member.Flattened ?? target.Flattened;
            if (flattened && target.Type == ShapeType.List)
            {
                WriteItems(writer, target, nodes);
            }
            else if (flattened && target.Type == ShapeType.Map)
            {
                WriteEntries(writer, target, nodes);
            }
            else
            {
                WriteValue(writer, target, nodes[0]);
            }
        }
        writer.WriteEndObject();
    }

    private void WriteValue(Utf8JsonWriter writer, Shape shape, XElement element)
    {
        switch (shape.Type)
        {
            case ShapeType.Structure:
                WriteStructure(writer, shape, element);
                break;
            case ShapeType.List:
                var itemName = shape.ListMember!.LocationName ?? "member";
                WriteItems(writer, shape, element.Elements().Where(e => e.Name.LocalName == itemName).ToList());
                break;
            case ShapeType.Map:
                WriteEntries(writer, shape, element.Elements().Where(e => e.Name.LocalName == "entry").ToList());
                break;
            default:
                WriteScalar(writer, shape, element.Value);
                break;
        }
    }

    private void WriteItems(Utf8JsonWriter writer, Shape list, List<XElement> items)
    {
        var itemShape = model.Shape(list.ListMember!);
        writer.WriteStartArray();
        foreach (var item in items)
        {
            WriteValue(writer, itemShape, item);
        }
        writer.WriteEndArray();
    }

    private void WriteEntries(Utf8JsonWriter writer, Shape map, List<XElement> entries)
    {
        var keyName = map.MapKey?.LocationName ?? "key";
        var valueName = map.MapValue?.LocationName ?? "value";
        var valueShape = model.Shape(map.MapValue!);
        writer.WriteStartObject();
        foreach (var entry in entries)
        {
            var key = entry.Elements().FirstOrDefault(e => e.Name.LocalName == keyName)?.Value;
            var value = entry.Elements().FirstOrDefault(e => e.Name.LocalName == valueName);
            if (key is null || value is null)
            {
                continue;
            }
            writer.WritePropertyName(key);
            WriteValue(writer, valueShape, value);
        }
        writer.WriteEndObject();
    }

    private static void WriteScalar(Utf8JsonWriter writer, Shape shape, string text)
    {
        switch (shape.Type)
        {
            case ShapeType.Boolean:
                writer.WriteBooleanValue(bool.Parse(text.Trim()));
                break;
            case ShapeType.Integer or ShapeType.Long:
                writer.WriteNumberValue(long.Parse(text.Trim(), CultureInfo.InvariantCulture));
                break;
            case ShapeType.Float or ShapeType.Double:
                var number = text.Trim();
                if (number is "NaN" or "Infinity" or "-Infinity")
                {
                    writer.WriteStringValue(number);
                }
                else
                {
                    writer.WriteRawValue(double.Parse(number, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture));
                }
                break;
            case ShapeType.Timestamp:
                writer.WriteStringValue(Timestamps.Parse(text));
                break;
            default:
                writer.WriteStringValue(text);
                break;
        }
    }

    /// <summary>The elements of a flattened list repeat the member's own name; a name on the list's member is ignored.</summary>
    private static string ElementName(MemberRef member, Shape target)
    {
        _ = target;
        return member.WireName;
    }
}
