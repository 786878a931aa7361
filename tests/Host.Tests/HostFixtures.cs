namespace ContinuousImprovement.Host.Tests;

/// <summary>Paths the tests need: the repository root and the JIT build of the bootstrap.</summary>
public static class HostFixtures
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ContinuousImprovement.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No ContinuousImprovement.sln above {AppContext.BaseDirectory}.");
    });

    public static string RepositoryRoot => Root.Value;

    public static string HostProject => Path.Combine(RepositoryRoot, "lambdas", "Host", "Host.csproj");

    /// <summary>The host's managed assembly, copied next to the tests with its runtimeconfig (run with <c>dotnet</c>).</summary>
    public static string JitBootstrapDll => Path.Combine(AppContext.BaseDirectory, "bootstrap.dll");
}
