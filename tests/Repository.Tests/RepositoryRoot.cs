namespace ContinuousImprovement.Repository.Tests;

/// <summary>The checked-out repository these tests run from: the folder holding the solution file.</summary>
public static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(Locate);

    public static string Path => Root.Value;

    public static string File(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(System.IO.Path.Combine(dir.FullName, "ContinuousImprovement.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No ContinuousImprovement.sln above {AppContext.BaseDirectory}.");
    }
}
