namespace ContinuousImprovement.Local.Twin;

/// <summary>
/// Files the twin reads from the repository it runs from (the ASL definitions, the worker template): found by
/// walking up from the program's folder to the one that holds <c>ContinuousImprovement.sln</c>.
/// </summary>
public static class RepositoryFiles
{
    private static readonly Lazy<string> Root = new(FindRoot);

    public static string RootFolder => Root.Value;

    public static string Find(string relativePath)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        var path = Path.Combine(Root.Value, relativePath.Replace('/', Path.DirectorySeparatorChar));
        return File.Exists(path) ? path : throw new FileNotFoundException($"The twin needs {relativePath} from the repository, and {path} does not exist.", path);
    }

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ContinuousImprovement.sln")))
            {
                return folder.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No ContinuousImprovement.sln above {AppContext.BaseDirectory}: run the twin from the repository (./improve).");
    }
}
