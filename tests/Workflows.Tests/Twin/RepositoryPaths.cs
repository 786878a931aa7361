namespace ContinuousImprovement.Workflows.Tests.Twin;

/// <summary>
/// The repository the tests run from (the folder with the solution file) and the AWS contracts in
/// <c>shared/aws</c> beside it, both found by walking up from the test binary.
/// </summary>
internal static class RepositoryPaths
{
    private static readonly Lazy<string> RootFolder = new(() => Up(dir => File.Exists(Path.Combine(dir, "ContinuousImprovement.sln")), "ContinuousImprovement.sln"));
    private static readonly Lazy<string> AwsFolder = new(() => Path.Combine(Up(dir => Directory.Exists(Path.Combine(dir, "shared", "aws")), "shared/aws"), "shared", "aws"));

    public static string Root => RootFolder.Value;

    public static string InRepository(params string[] parts) => Path.Combine([Root, .. parts]);

    public static string SharedAws(params string[] parts) => Path.Combine([AwsFolder.Value, .. parts]);

    private static string Up(Func<string, bool> found, string what)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (found(dir.FullName))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No {what} above {AppContext.BaseDirectory}: the repository must sit beside shared/.");
    }
}
