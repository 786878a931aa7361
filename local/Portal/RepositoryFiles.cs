namespace ContinuousImprovement.Local.Portal;

/// <summary>Files of the repository the portal runs from, found by walking up to the folder with the solution file.</summary>
public static class RepositoryFiles
{
    public const string SolutionFile = "ContinuousImprovement.sln";

    /// <summary>The template A2I's flow definition deploys, relative to the repository root.</summary>
    public const string WorkerTemplate = "assets/a2i/worker-template.liquid.html";

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

        throw new DirectoryNotFoundException($"No {SolutionFile} in {from} or any folder above it; give the worker template's path explicitly.");
    }

    /// <summary>The worker task template of the repository above <paramref name="start"/>.</summary>
    public static string DefaultTemplatePath(string? start = null) =>
        Path.Combine(Root(start), WorkerTemplate.Replace('/', Path.DirectorySeparatorChar));
}
