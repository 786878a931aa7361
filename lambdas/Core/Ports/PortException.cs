namespace ContinuousImprovement.Core.Ports;

/// <summary>A port call that failed, with the kind of failure a workflow can act on.</summary>
public sealed class PortException : Exception
{
    public PortException(PortFailure failure, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Failure = failure;
    }

    public PortException()
        : this(PortFailure.Unavailable, "The port call failed.")
    {
    }

    public PortException(string message)
        : this(PortFailure.Unavailable, message)
    {
    }

    public PortException(string message, Exception innerException)
        : this(PortFailure.Unavailable, message, innerException)
    {
    }

    public PortFailure Failure { get; }

    /// <summary>The error name Step Functions sees, e.g. <c>Port.Throttled</c>.</summary>
    public string ErrorName => "Port." + Failure;

    /// <summary>Whether waiting and trying again can help.</summary>
    public bool IsRetryable => Failure is PortFailure.Throttled or PortFailure.Unavailable or PortFailure.Timeout or PortFailure.NotReady;
}
