using System.Text.Json.Nodes;

namespace ContinuousImprovement.Infra.Tests;

/// <summary>
/// The real (and documented-schema) AWS events in <c>shared/aws/events</c>, found by walking up from the test binary
/// to the folder that holds <c>shared/aws</c>; and copies of them with fields changed.
/// </summary>
internal static class EventExamples
{
    private static readonly Lazy<string> Folder = new(Locate);

    /// <summary>Every example's file name, in ordinal order.</summary>
    public static IReadOnlyList<string> FileNames =>
        [.. Directory.EnumerateFiles(Folder.Value, "*.json").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    public static string Read(string fileName) => File.ReadAllText(Path.Combine(Folder.Value, fileName));

    /// <summary>The example with one field (a dotted path) set to a value: text, or JSON when it is <c>null</c> or an object.</summary>
    public static string With(string fileName, string path, string value)
    {
        var node = JsonNode.Parse(Read(fileName))!;
        var names = path.Split('.');
        var parent = names[..^1].Aggregate(node, (current, name) => current[name]!);
        parent[names[^1]] = value is "null" || value.StartsWith('{') ? JsonNode.Parse(value) : JsonValue.Create(value);
        return node.ToJsonString();
    }

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var aws = Path.Combine(dir.FullName, "shared", "aws");
            if (Directory.Exists(aws))
            {
                return Path.Combine(aws, "events");
            }
        }

        throw new DirectoryNotFoundException($"No shared/aws folder above {AppContext.BaseDirectory}: the repository must sit beside shared/.");
    }
}
