using System.Text;
using System.Text.Json;

namespace ContinuousImprovement.Asl.Definition;

/// <summary>
/// Finds JSON objects in a definition that repeat a field name. The parsed value keeps only the last of the
/// repeats (as JSON.parse does), so without this check <c>{"Type":"Pass","Type":"Task"}</c> would load as a
/// Task and the first value would vanish without a word; Step Functions refuses such a definition.
/// </summary>
internal static class DuplicateFields
{
    /// <summary>One problem per repeated field, naming where it is, e.g. <c>$.States.A: the field 'Next' appears more than once</c>.</summary>
    /// <param name="json">Text already known to be valid JSON.</param>
    public static List<string> Find(string json)
    {
        var problems = new List<string>();
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json), new JsonReaderOptions { MaxDepth = 512 });

        // One frame per open container: its location, and for objects the field names seen so far.
        var frames = new Stack<(string Where, HashSet<string>? Fields, int NextIndex)>();
        string? pendingField = null;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                case JsonTokenType.StartArray:
                    var where = Child(frames, pendingField);
                    frames.Push((where, reader.TokenType == JsonTokenType.StartObject ? new HashSet<string>(StringComparer.Ordinal) : null, 0));
                    pendingField = null;
                    break;
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    frames.Pop();
                    Advance(frames);
                    break;
                case JsonTokenType.PropertyName:
                    pendingField = reader.GetString()!;
                    var frame = frames.Peek();
                    if (!frame.Fields!.Add(pendingField))
                    {
                        problems.Add($"{frame.Where}: the field '{pendingField}' appears more than once; only one value can be meant");
                    }

                    break;
                default:
                    pendingField = null;
                    Advance(frames);
                    break;
            }
        }

        return problems;
    }

    private static string Child(Stack<(string Where, HashSet<string>? Fields, int NextIndex)> frames, string? field)
    {
        if (frames.Count == 0)
        {
            return "$";
        }

        var parent = frames.Peek();
        return parent.Fields is null ? $"{parent.Where}[{parent.NextIndex}]" : $"{parent.Where}.{field}";
    }

    /// <summary>Counts a finished value of an array, so the next one gets the next index.</summary>
    private static void Advance(Stack<(string Where, HashSet<string>? Fields, int NextIndex)> frames)
    {
        if (frames.Count > 0 && frames.Peek().Fields is null)
        {
            var array = frames.Pop();
            frames.Push(array with { NextIndex = array.NextIndex + 1 });
        }
    }
}
