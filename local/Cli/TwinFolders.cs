using ContinuousImprovement.Local.Adapters;

namespace ContinuousImprovement.Local.Cli;

/// <summary>Where the CLI keeps twins: <c>.local/</c> of the repository, ignored by git.</summary>
public static class TwinFolders
{
    /// <summary>The twin <c>improve up</c>, <c>upload</c>, <c>params</c>… share unless <c>--folder</c> says otherwise.</summary>
    public static string Default => Path.Combine(RepositoryFiles.RootFolder, ".local", "twin");

    /// <summary>The demo's own twin, made afresh on each run so a demo never mixes with the operator's twin.</summary>
    public static string Demo => Path.Combine(RepositoryFiles.RootFolder, ".local", "demo");
}
