namespace ContinuousImprovement.Host.Runtime;

/// <summary>
/// A failure a handler reports by name rather than a defect: Lambda's <c>errorType</c> is <see cref="ErrorType"/>
/// (what a Step Functions Retry or Catch matches, e.g. <c>Port.Throttled</c>) instead of the exception's type name,
/// and no stack trace is sent, because nothing went wrong in the code.
/// </summary>
public sealed class NamedErrorException : Exception
{
    public NamedErrorException(string errorType, string message)
        : base(message)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(errorType);
        ErrorType = errorType;
    }

    public NamedErrorException()
        : this("Handler.Failed", "The handler failed.")
    {
    }

    public NamedErrorException(string message)
        : this("Handler.Failed", message)
    {
    }

    public NamedErrorException(string message, Exception innerException)
        : base(message, innerException)
    {
        ErrorType = "Handler.Failed";
    }

    public string ErrorType { get; }
}
