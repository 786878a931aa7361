using System.Text.Json;
using ContinuousImprovement.Aws.Model;

namespace ContinuousImprovement.Aws.Protocols;

/// <summary>
/// Flattens parameters into awsQuery keys the way botocore does: nested members joined with '.', lists as
/// Name.member.N (Name.N when flattened), maps as Name.entry.N.key / Name.entry.N.value, e.g.
/// MessageAttributes.entry.1.Name=eventType&amp;MessageAttributes.entry.1.Value.DataType=String.
/// </summary>
internal sealed class QueryParameterWriter(ServiceModel model)
{
    public void WriteStructure(List<KeyValuePair<string, string>> output, Shape shape, JsonElement value, string prefix)
    {
        foreach (var property in value.EnumerateObject())
        {
            var member = shape.Member(property.Name)
                ?? throw new ArgumentException($"'{property.Name}' is not a member of {shape.Name} in the {model.Metadata.ServiceId} model.");
            if (property.Value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }
            var name = member.QueryName ?? member.WireName;
            Write(output, member, property.Value, prefix.Length == 0 ? name : $"{prefix}.{name}");
        }
    }

    private void Write(List<KeyValuePair<string, string>> output, MemberRef member, JsonElement value, string prefix)
    {
        var shape = model.Shape(member);
        switch (shape.Type)
        {
            case ShapeType.Structure:
                WriteStructure(output, shape, value, prefix);
                break;
            case ShapeType.List:
                WriteList(output, member, shape, value, prefix);
                break;
            case ShapeType.Map:
                WriteMap(output, member, shape, value, prefix);
                break;
            default:
                output.Add(new(prefix, RestValues.Text(member, shape, value, Timestamps.Iso8601)));
                break;
        }
    }

    private void WriteList(List<KeyValuePair<string, string>> output, MemberRef member, Shape shape, JsonElement value, string prefix)
    {
        if (value.GetArrayLength() == 0)
        {
            output.Add(new(prefix, ""));
            return;
        }
        var item = shape.ListMember!;
        // A flattened list repeats the member's own name (Name.1, Name.2); otherwise items sit under the list member's name.
        var listPrefix = (member.Flattened ?? shape.Flattened) ? prefix : $"{prefix}.{item.LocationName ?? "member"}";
        var index = 1;
        foreach (var element in value.EnumerateArray())
        {
            Write(output, item, element, $"{listPrefix}.{index++}");
        }
    }

    private void WriteMap(List<KeyValuePair<string, string>> output, MemberRef member, Shape shape, JsonElement value, string prefix)
    {
        var entryPrefix = (member.Flattened ?? shape.Flattened) ? prefix : $"{prefix}.entry";
        var keyName = shape.MapKey?.LocationName ?? "key";
        var valueName = shape.MapValue?.LocationName ?? "value";
        var index = 1;
        foreach (var entry in value.EnumerateObject())
        {
            output.Add(new($"{entryPrefix}.{index}.{keyName}", entry.Name));
            Write(output, shape.MapValue!, entry.Value, $"{entryPrefix}.{index}.{valueName}");
            index++;
        }
    }
}
