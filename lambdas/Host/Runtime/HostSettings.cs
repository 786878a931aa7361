using System.Globalization;
using ContinuousImprovement.Host.Observability;

namespace ContinuousImprovement.Host.Runtime;

/// <summary>The environment Lambda starts a custom runtime with, read once at start.</summary>
/// <param name="RuntimeApi"><c>AWS_LAMBDA_RUNTIME_API</c>: <c>host:port</c> of the Runtime API.</param>
/// <param name="HandlerName"><c>_HANDLER</c>: which registered handler this process serves.</param>
/// <param name="LogLevel"><c>AWS_LAMBDA_LOG_LEVEL</c>; INFO when unset.</param>
/// <param name="UnreadLogLevel">The <c>AWS_LAMBDA_LOG_LEVEL</c> text when it named no level (logged as a warning).</param>
/// <param name="MetricsNamespace"><c>METRICS_NAMESPACE</c>; ContinuousImprovement when unset.</param>
public sealed record HostSettings(
    string? RuntimeApi,
    string? HandlerName,
    LogLevel LogLevel,
    string? UnreadLogLevel,
    string FunctionName,
    string FunctionVersion,
    int MemoryLimitMb,
    string MetricsNamespace)
{
    public const string DefaultMetricsNamespace = "ContinuousImprovement";

    public static HostSettings FromEnvironment() => From(Environment.GetEnvironmentVariable);

    public static HostSettings From(Func<string, string?> variable)
    {
        ArgumentNullException.ThrowIfNull(variable);
        var levelText = variable("AWS_LAMBDA_LOG_LEVEL");
        var known = LogLevels.TryParse(levelText, out var level);
        return new HostSettings(
            NullIfEmpty(variable("AWS_LAMBDA_RUNTIME_API")),
            NullIfEmpty(variable("_HANDLER")),
            known ? level : LogLevel.Info,
            known || string.IsNullOrEmpty(levelText) ? null : levelText,
            NullIfEmpty(variable("AWS_LAMBDA_FUNCTION_NAME")) ?? "local",
            NullIfEmpty(variable("AWS_LAMBDA_FUNCTION_VERSION")) ?? "$LATEST",
            int.TryParse(variable("AWS_LAMBDA_FUNCTION_MEMORY_SIZE"), NumberStyles.None, CultureInfo.InvariantCulture, out var mb) ? mb : 0,
            NullIfEmpty(variable("METRICS_NAMESPACE")) ?? DefaultMetricsNamespace);
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
