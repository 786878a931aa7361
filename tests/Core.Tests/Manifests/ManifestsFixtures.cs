namespace ContinuousImprovement.Core.Tests.Manifests;

/// <summary>Finds the real AWS examples in <c>shared/aws</c>, which sits beside the repository checkout.</summary>
internal static class ManifestsFixtures
{
    private static readonly Lazy<string> SharedAws = new(FindSharedAws);

    public static string ManifestsDirectory => Path.Combine(SharedAws.Value, "manifests");

    public static string ReadManifest(string fileName) => File.ReadAllText(Path.Combine(ManifestsDirectory, fileName));

    private static string FindSharedAws()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "aws");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"No shared/aws above {AppContext.BaseDirectory}; the repository must sit beside shared/.");
    }
}
