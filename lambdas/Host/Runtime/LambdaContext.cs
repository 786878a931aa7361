using ContinuousImprovement.Host.Observability;

namespace ContinuousImprovement.Host.Runtime;

/// <summary>What a handler knows about the invocation it serves, and where it logs and records metrics.</summary>
public sealed class LambdaContext
{
    private readonly TimeProvider time;

    public LambdaContext(Invocation invocation, HostSettings settings, string handlerName, LambdaLogger logger, Metrics metrics, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(time);
        this.time = time;
        RequestId = invocation.RequestId;
        Deadline = invocation.Deadline;
        InvokedFunctionArn = invocation.InvokedFunctionArn;
        TraceId = invocation.TraceId;
        ClientContext = invocation.ClientContext;
        CognitoIdentity = invocation.CognitoIdentity;
        HandlerName = handlerName;
        FunctionName = settings.FunctionName;
        FunctionVersion = settings.FunctionVersion;
        MemoryLimitMb = settings.MemoryLimitMb;
        Logger = logger;
        Metrics = metrics;
    }

    public string RequestId { get; }

    /// <summary>When Lambda stops the invocation; <see cref="DateTimeOffset.MaxValue"/> if the API gave none.</summary>
    public DateTimeOffset Deadline { get; }

    public string InvokedFunctionArn { get; }

    /// <summary>The X-Ray trace header (also in the <c>_X_AMZN_TRACE_ID</c> environment variable).</summary>
    public string? TraceId { get; }

    public string? ClientContext { get; }

    public string? CognitoIdentity { get; }

    /// <summary>The <c>_HANDLER</c> name this process serves.</summary>
    public string HandlerName { get; }

    public string FunctionName { get; }

    public string FunctionVersion { get; }

    public int MemoryLimitMb { get; }

    /// <summary>Writes JSON log lines stamped with this invocation's request id.</summary>
    public LambdaLogger Logger { get; }

    /// <summary>Written as one EMF line when the invocation ends, whether it succeeded or not.</summary>
    public Metrics Metrics { get; }

    /// <summary>
    /// Time left before <see cref="Deadline"/>; zero once it has passed; <see cref="Timeout.InfiniteTimeSpan"/>
    /// when the Runtime API gave no deadline.
    /// </summary>
    public TimeSpan RemainingTime
    {
        get
        {
            if (Deadline == DateTimeOffset.MaxValue)
            {
                return Timeout.InfiniteTimeSpan;
            }

            var left = Deadline - time.GetUtcNow();
            return left > TimeSpan.Zero ? left : TimeSpan.Zero;
        }
    }
}
