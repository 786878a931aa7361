namespace ContinuousImprovement.Local.Cli;

/// <summary>What <c>improve</c> exits with, so scripts can tell a bad request from a failure of the twin.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The twin or a workflow failed (a failed execution, an I/O error).</summary>
    public const int Failed = 1;

    /// <summary>The request was wrong: unknown command or option, bad value, missing file; nothing was changed.</summary>
    public const int BadInput = 2;

    /// <summary>Something the command needs is missing on this machine (the dataset, a browser).</summary>
    public const int Unavailable = 3;
}
