using System.Text.Json;
using System.Text.Json.Nodes;

namespace ContinuousImprovement.Infra.Tests;

/// <summary>
/// The rules' event patterns evaluated on the real events in shared/aws/events, with EventBridge's matching
/// rules (every pattern field must match; a list matches any of its values; {"prefix": …} matches a start).
/// </summary>
public sealed class EventPatternTests
{
    private const string BucketName = "test-bucket";

    private static JsonNode UploadsPattern()
    {
        var (_, rule) = SynthesizedTemplate.Resources("AWS::Events::Rule").Single(r => r.Resource.GetProperty("Properties").GetProperty("Description").GetString()!.Contains("images_for_detection", StringComparison.Ordinal));

        // The bucket name is a reference to the bucket resource until deploy; stand in a name for it.
        var pattern = JsonNode.Parse(rule.GetProperty("Properties").GetProperty("EventPattern").GetRawText())!;
        pattern["detail"]!["bucket"]!["name"] = new JsonArray(BucketName);
        return pattern;
    }

    private static JsonNode Event(string file, string key, string bucket = BucketName)
    {
        var node = JsonNode.Parse(File.ReadAllText(Path.Combine(StackSettings.FindRepositoryRoot(), "..", "shared", "aws", "events", file)))!;
        node["detail"]!["object"]!["key"] = key;
        node["detail"]!["bucket"]!["name"] = bucket;
        return node;
    }

    [Theory]
    [InlineData("s3-eventbridge-object-created.json", "images_for_detection/cat.png", BucketName, true)]
    [InlineData("s3-eventbridge-object-created.multipart.SYNTHESIZED.json", "images_for_detection/big.jpg", BucketName, true)]
    [InlineData("s3-eventbridge-object-created.json", "images_labeled_by_folder/cat/cat.png", BucketName, false)]
    [InlineData("s3-eventbridge-object-created.json", "quarantine/images_for_detection/x.png", BucketName, false)]
    [InlineData("s3-eventbridge-object-created.json", "images_for_detection/cat.png", "other-bucket", false)]
    [InlineData("s3-eventbridge-object-deleted.json", "images_for_detection/cat.png", BucketName, false)]
    public void Uploads_start_detection_only_for_new_objects_under_the_detection_prefix(string file, string key, string bucket, bool matches) =>
        Assert.Equal(matches, EventPattern.Matches(UploadsPattern(), Event(file, key, bucket)));
}

/// <summary>EventBridge's content matching, as much of it as our rules use.</summary>
internal static class EventPattern
{
    public static bool Matches(JsonNode pattern, JsonNode? value) => pattern switch
    {
        JsonObject fields => fields.All(f => value is JsonObject obj && Matches(f.Value!, obj[f.Key])),
        JsonArray alternatives => alternatives.Any(a => MatchesOne(a!, value)),
        _ => throw new InvalidOperationException($"Unexpected pattern {pattern.ToJsonString()}"),
    };

    private static bool MatchesOne(JsonNode alternative, JsonNode? value) => alternative switch
    {
        JsonObject { Count: 1 } rule when rule["prefix"] is JsonValue prefix =>
            value is JsonValue text && text.TryGetValue<string>(out var s) && s.StartsWith(prefix.GetValue<string>(), StringComparison.Ordinal),
        JsonValue literal => value is JsonValue actual && JsonNode.DeepEquals(literal, actual),
        _ => throw new InvalidOperationException($"Unsupported pattern rule {alternative.ToJsonString()}"),
    };
}
