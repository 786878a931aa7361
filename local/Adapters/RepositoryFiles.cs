namespace ContinuousImprovement.Local.Adapters;

/// <summary>
/// Files the twin and the portal read from the repository they run from (the ASL definitions, the worker
/// template), found by walking up to the folder with the solution file.
/// </summary>
public static class RepositoryFiles
{
    public const string SolutionFile = "ContinuousImprovement.sln";

    /// <summary>The template A2I's flow definition deploys, relative to the repository root.</summary>
    public const string WorkerTemplate = "assets/a2i/worker-template.liquid.html";

    private static readonly Lazy<string> ProgramRoot = new(() => Root());

    /// <summary>The repository root above the running program.</summary>
    public static string RootFolder => ProgramRoot.Value;

    /// <summary>The repository root above <paramref name="start"/> (default: the running program's folder).</summary>
    public static string Root(string? start = null)
    {
        var from = start ?? AppContext.BaseDirectory;
        for (var dir = new DirectoryInfo(from); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No {SolutionFile} in {from} or any folder above it: run from the repository (./improve), or give the file's path explicitly.");
    }

    /// <summary>A file of the repository above the running program, by its path relative to the root.</summary>
    public static string Find(string relativePath)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        var path = Path.Combine(RootFolder, relativePath.Replace('/', Path.DirectorySeparatorChar));
        return File.Exists(path) ? path : throw new FileNotFoundException($"The twin needs {relativePath} from the repository, and {path} does not exist.", path);
    }

    /// <summary>The worker task template of the repository above <paramref name="start"/>.</summary>
    public static string DefaultTemplatePath(string? start = null) =>
        Path.Combine(Root(start), WorkerTemplate.Replace('/', Path.DirectorySeparatorChar));
}
