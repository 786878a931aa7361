using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ContinuousImprovement.Infra.Tests;

/// <summary>
/// A role's permissions as readable lines (<c>action resource [when condition]</c>), with the stack's resources named
/// (<c>{Bucket.Arn}/images_for_detection/*</c>, <c>arn:{Partition}:ssm:{Region}:{Account}:parameter/…</c>) instead of
/// their hashed logical ids, so a test can state a handler's exact permissions.
/// </summary>
internal static class PermissionText
{
    public static IReadOnlyList<string> Lines(Synthesized synthesized, IEnumerable<JsonElement> statements)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [synthesized.Single("AWS::S3::Bucket").LogicalId] = "Bucket",
            [synthesized.Single("AWS::DynamoDB::Table").LogicalId] = "Table",
            [synthesized.Single("AWS::SNS::Topic").LogicalId] = "Topic",
            ["AWS::Partition"] = "Partition",
            ["AWS::Region"] = "Region",
            ["AWS::AccountId"] = "Account",
        };
        foreach (var (id, _) in synthesized.Resources("Custom::A2iFlowDefinition"))
        {
            names[id] = "FlowDefinition";
        }

        return [.. statements.SelectMany(s =>
        {
            var condition = s.TryGetProperty("Condition", out var c) ? " when " + JsonNode.Parse(c.GetRawText())!.ToJsonString() : "";
            var resources = s.GetProperty("Resource") is { ValueKind: JsonValueKind.Array } many ? many.EnumerateArray().ToList() : [s.GetProperty("Resource")];
            return Synthesized.Strings(s.GetProperty("Action")).SelectMany(a => resources.Select(r => $"{a} {Render(r, names)}{condition}"));
        }).Order(StringComparer.Ordinal)];
    }

    private static string Render(JsonElement value, Dictionary<string, string> names)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString()!;
        }

        if (value.TryGetProperty("Ref", out var reference))
        {
            return "{" + names.GetValueOrDefault(reference.GetString()!, reference.GetString()!) + "}";
        }

        if (value.TryGetProperty("Fn::GetAtt", out var attribute))
        {
            return "{" + names.GetValueOrDefault(attribute[0].GetString()!, attribute[0].GetString()!) + "." + attribute[1].GetString() + "}";
        }

        if (value.TryGetProperty("Fn::Join", out var join))
        {
            var text = new StringBuilder();
            foreach (var part in join[1].EnumerateArray())
            {
                _ = text.Append(Render(part, names));
            }

            return text.ToString();
        }

        return value.GetRawText();
    }
}
