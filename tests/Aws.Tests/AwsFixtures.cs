namespace ContinuousImprovement.Aws.Tests;

/// <summary>Finds the shared AWS contracts (shared/aws beside the repository) and this repository's root.</summary>
internal static class AwsFixtures
{
    private static readonly Lazy<string> SharedRoot = new(() => Find(d => Directory.Exists(Path.Combine(d, "shared", "aws")), "shared/aws") is { } dir
        ? Path.Combine(dir, "shared", "aws")
        : throw new DirectoryNotFoundException("shared/aws was not found above the test assembly."));

    private static readonly Lazy<string> RepositoryRoot = new(() => Find(d => File.Exists(Path.Combine(d, "ContinuousImprovement.sln")), "ContinuousImprovement.sln")
        ?? throw new DirectoryNotFoundException("The repository root was not found above the test assembly."));

    public static string Shared(params string[] parts) => Path.Combine([SharedRoot.Value, .. parts]);

    public static string Repository(params string[] parts) => Path.Combine([RepositoryRoot.Value, .. parts]);

    public static string SharedModel(string file) => Shared("service-models", file);

    private static string? Find(Func<string, bool> found, string what)
    {
        _ = what;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (found(dir.FullName))
            {
                return dir.FullName;
            }
        }
        return null;
    }
}
