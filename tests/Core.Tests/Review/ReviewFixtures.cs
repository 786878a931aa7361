namespace ContinuousImprovement.Core.Tests.Review;

/// <summary>The real AWS examples in shared/aws/events, found by walking up from the test assembly.</summary>
internal static class ReviewFixtures
{
    private static readonly Lazy<string> EventsDirectory = new(Locate);

    public static string Events => EventsDirectory.Value;

    public static string Read(string fileName) => File.ReadAllText(Path.Combine(Events, fileName));

    /// <summary>Every A2I example file whose name starts with <paramref name="prefix"/>, as xunit theory rows.</summary>
    public static TheoryData<string> Files(string prefix)
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(Events, prefix + "*.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(path));
        }

        return data;
    }

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "aws", "events");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"no shared/aws/events above {AppContext.BaseDirectory}");
    }
}
