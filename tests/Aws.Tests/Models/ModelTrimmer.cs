using System.Text.Json.Nodes;

namespace ContinuousImprovement.Aws.Tests.Models;

/// <summary>
/// Cuts a botocore service model down to some operations and the shapes they reach, without documentation: the
/// embedded models are exactly this function of the shared models (a test checks it; UPDATE_AWS_MODELS=1 rewrites them).
/// </summary>
internal static class ModelTrimmer
{
    public static JsonObject Trim(JsonObject model, IEnumerable<string> operations)
    {
        var allShapes = model["shapes"]!.AsObject();
        var keptOperations = new JsonObject();
        var reached = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var name in operations)
        {
            var operation = Strip(model["operations"]![name]!.DeepClone()).AsObject();
            keptOperations[name] = operation;
            foreach (var key in new[] { "input", "output" })
            {
                if (operation[key]?["shape"]?.GetValue<string>() is { } shape)
                {
                    Reach(shape, allShapes, reached);
                }
            }
            foreach (var error in operation["errors"]?.AsArray() ?? [])
            {
                Reach(error!["shape"]!.GetValue<string>(), allShapes, reached);
            }
        }
        var keptShapes = new JsonObject();
        foreach (var name in reached)
        {
            keptShapes[name] = Strip(allShapes[name]!.DeepClone());
        }
        return new JsonObject
        {
            ["version"] = model["version"]?.DeepClone(),
            ["metadata"] = model["metadata"]!.DeepClone(),
            ["operations"] = keptOperations,
            ["shapes"] = keptShapes,
        };
    }

    private static void Reach(string name, JsonObject shapes, SortedSet<string> reached)
    {
        if (!reached.Add(name))
        {
            return;
        }
        var shape = shapes[name]!.AsObject();
        var targets = new List<JsonNode?>();
        if (shape["members"] is JsonObject members)
        {
            targets.AddRange(members.Select(m => m.Value));
        }
        targets.Add(shape["member"]);
        targets.Add(shape["key"]);
        targets.Add(shape["value"]);
        foreach (var target in targets.OfType<JsonObject>())
        {
            Reach(target["shape"]!.GetValue<string>(), shapes, reached);
        }
    }

    private static JsonNode Strip(JsonNode node)
    {
        if (node is JsonObject obj)
        {
            foreach (var key in obj.Select(p => p.Key).Where(k => k is "documentation" or "documentationUrl" or "examples").ToList())
            {
                obj.Remove(key);
            }
            foreach (var (_, value) in obj.ToList())
            {
                if (value is not null)
                {
                    Strip(value);
                }
            }
        }
        else if (node is JsonArray array)
        {
            foreach (var item in array)
            {
                if (item is not null)
                {
                    Strip(item);
                }
            }
        }
        return node;
    }
}
