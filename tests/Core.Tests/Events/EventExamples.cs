using System.Text.Json.Nodes;

namespace ContinuousImprovement.Core.Tests.Events;

/// <summary>
/// The real (and documented-schema) AWS events in <c>shared/aws/events</c>, found by walking up from the test binary
/// to the folder that holds <c>shared/aws</c>; and copies of them with fields changed.
/// </summary>
internal static class EventExamples
{
    private static readonly Lazy<string> Folder = new(Locate);

    public static string Directory => Folder.Value;

    /// <summary>Every example's file name, in ordinal order.</summary>
    public static IReadOnlyList<string> FileNames =>
        [.. System.IO.Directory.EnumerateFiles(Directory, "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

    public static string Read(string fileName) => File.ReadAllText(Path.Combine(Directory, fileName));

    /// <summary>The example with some fields changed, as JSON text.</summary>
    public static string With(string fileName, Action<JsonNode> change)
    {
        var node = JsonNode.Parse(Read(fileName))!;
        change(node);
        return node.ToJsonString();
    }

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var aws = Path.Combine(dir.FullName, "shared", "aws");
            if (System.IO.Directory.Exists(aws))
            {
                return Path.Combine(aws, "events");
            }
        }

        throw new DirectoryNotFoundException($"No shared/aws folder above {AppContext.BaseDirectory}: the repository must sit beside shared/.");
    }
}
