namespace ContinuousImprovement.Asl;

/// <summary>
/// A failure inside an execution, carrying the Step Functions error name and cause so Retry and Catch can
/// match it and the execution history can show it.
/// </summary>
public sealed class AslRuntimeException : Exception
{
    public AslRuntimeException(string error, string cause)
        : base($"{error}: {cause}")
    {
        Error = error;
        Cause = cause;
    }

    public AslRuntimeException()
        : this(StatesErrors.Runtime, "Unknown failure.")
    {
    }

    public AslRuntimeException(string message)
        : this(StatesErrors.Runtime, message)
    {
    }

    public AslRuntimeException(string message, Exception innerException)
        : base(message, innerException)
    {
        Error = StatesErrors.Runtime;
        Cause = message;
    }

    /// <summary>The error name, e.g. <c>States.Runtime</c> or a task's own error type.</summary>
    public string Error { get; }

    /// <summary>A human-readable explanation.</summary>
    public string Cause { get; }
}
