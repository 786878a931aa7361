namespace ContinuousImprovement.Host.Observability;

/// <summary>Names of <see cref="LogLevel"/> as they appear in <c>AWS_LAMBDA_LOG_LEVEL</c> and in log lines.</summary>
public static class LogLevels
{
    /// <summary>Reads <c>AWS_LAMBDA_LOG_LEVEL</c>; Lambda sets it only when the log format is JSON.</summary>
    public static bool TryParse(string? text, out LogLevel level)
    {
        level = text?.Trim().ToUpperInvariant() switch
        {
            "TRACE" => LogLevel.Trace,
            "DEBUG" => LogLevel.Debug,
            "INFO" => LogLevel.Info,
            "WARN" or "WARNING" => LogLevel.Warn,
            "ERROR" => LogLevel.Error,
            "FATAL" => LogLevel.Fatal,
            _ => (LogLevel)(-1),
        };
        return Enum.IsDefined(level);
    }

    public static string Name(LogLevel level) => level switch
    {
        LogLevel.Trace => "TRACE",
        LogLevel.Debug => "DEBUG",
        LogLevel.Info => "INFO",
        LogLevel.Warn => "WARN",
        LogLevel.Error => "ERROR",
        LogLevel.Fatal => "FATAL",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Not a log level."),
    };
}
