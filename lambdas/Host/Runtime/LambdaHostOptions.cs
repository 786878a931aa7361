using ContinuousImprovement.Host.Observability;

namespace ContinuousImprovement.Host.Runtime;

/// <summary>What a test or the process entry point can choose about the host; the defaults are Lambda's.</summary>
public sealed record LambdaHostOptions
{
    /// <summary>
    /// How long before the deadline the handler's token is cancelled, leaving time to report the timeout
    /// before Lambda stops the sandbox. 200 ms: a cancelled AWS SDK call unwinds well within it, and a 3 s
    /// function keeps 93 % of its time.
    /// </summary>
    public TimeSpan CancelBeforeDeadline { get; init; } = TimeSpan.FromMilliseconds(200);

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Stdout/stderr by default.</summary>
    public LogSink? Sink { get; init; }

    /// <summary>An HttpClient for the Runtime API; <see cref="RuntimeApiClient.CreateHttpClient"/> by default.</summary>
    public HttpClient? Http { get; init; }

    /// <summary>
    /// Whether to copy the trace header into the <c>_X_AMZN_TRACE_ID</c> environment variable. On for the
    /// process; in-process tests running several hosts turn it off since the variable is process-wide.
    /// </summary>
    public bool SetTraceEnvironmentVariable { get; init; } = true;
}
