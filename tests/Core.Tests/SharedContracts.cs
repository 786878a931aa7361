namespace ContinuousImprovement.Core.Tests;

/// <summary>
/// The AWS contracts in <c>../shared/aws</c> (real events, manifests). The repository sits beside
/// <c>shared/</c> on every machine and in CI, so the folder is found by walking up from the test binary.
/// </summary>
public static class SharedContracts
{
    private static readonly Lazy<string> AwsRoot = new(Locate);

    public static string Aws => AwsRoot.Value;

    public static string Path(params string[] parts) => System.IO.Path.Combine([Aws, .. parts]);

    public static string Read(params string[] parts) => File.ReadAllText(Path(parts));

    public static IEnumerable<string> Files(string folder, string pattern) =>
        Directory.EnumerateFiles(Path(folder), pattern).Order(StringComparer.Ordinal);

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "shared", "aws");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"No shared/aws folder above {AppContext.BaseDirectory}: the repository must sit beside shared/.");
    }
}
