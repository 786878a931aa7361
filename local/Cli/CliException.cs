namespace ContinuousImprovement.Local.Cli;

/// <summary>A request the CLI refuses or cannot serve, with the message the user reads and the exit code.</summary>
public sealed class CliException(string message, int exitCode = ExitCodes.BadInput) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
