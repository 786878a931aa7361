using System.Text.Json.Nodes;

namespace ContinuousImprovement.Infra.Tests;

/// <summary>
/// Template values as CloudFormation would resolve them at deploy, for the few intrinsics our patterns and inputs use:
/// <c>Ref</c> and <c>Fn::GetAtt</c> from given stand-in values (key: logical id, or <c>id.Attribute</c>), and
/// <c>Fn::Join</c> by joining. Anything else unresolved fails the test instead of passing silently.
/// </summary>
internal static class TemplateValues
{
    public static JsonNode? Resolve(JsonNode? node, IReadOnlyDictionary<string, string> values) => node switch
    {
        JsonObject { Count: 1 } o when o["Ref"] is JsonValue reference => Lookup(values, reference.GetValue<string>()),
        JsonObject { Count: 1 } o when o["Fn::GetAtt"] is JsonArray attribute => Lookup(values, $"{attribute[0]!.GetValue<string>()}.{attribute[1]!.GetValue<string>()}"),
        JsonObject { Count: 1 } o when o["Fn::Join"] is JsonArray join =>
            string.Join(join[0]!.GetValue<string>(), join[1]!.AsArray().Select(part => Resolve(part, values)!.GetValue<string>())),
        JsonObject { Count: 1 } o when o.Single().Key.StartsWith("Fn::", StringComparison.Ordinal) => throw new InvalidOperationException($"Unresolved intrinsic {o.ToJsonString()}"),
        JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(p.Key, Resolve(p.Value, values)))),
        JsonArray a => new JsonArray([.. a.Select(e => Resolve(e, values))]),
        null => null,
        _ => node.DeepClone(),
    };

    private static JsonValue Lookup(IReadOnlyDictionary<string, string> values, string key) =>
        values.TryGetValue(key, out var value) ? JsonValue.Create(value) : throw new KeyNotFoundException($"No stand-in value for {key}; known: {string.Join(", ", values.Keys)}");
}
