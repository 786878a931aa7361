namespace ContinuousImprovement.Handlers.Invocation;

/// <summary>A handler cannot serve a request, for a reason named by <see cref="ErrorName"/> (see <see cref="HandlerErrors"/>).</summary>
public sealed class HandlerException : Exception
{
    public HandlerException(string errorName, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        ErrorName = errorName;
    }

    public HandlerException()
        : this(HandlerErrors.InvalidInput, "The handler cannot serve the request.")
    {
    }

    public HandlerException(string message)
        : this(HandlerErrors.InvalidInput, message)
    {
    }

    public HandlerException(string message, Exception innerException)
        : this(HandlerErrors.InvalidInput, message, innerException)
    {
    }

    /// <summary>The error name Step Functions sees, e.g. <c>Handler.InvalidInput</c>.</summary>
    public string ErrorName { get; }
}
