namespace ContinuousImprovement.Host.Runtime;

/// <summary>
/// <c>errorType</c> values the host reports itself (a handler's own exceptions report their type name).
/// Step Functions sees them as the task's Error, so Retry/Catch can name them.
/// </summary>
public static class RuntimeErrorTypes
{
    /// <summary>Init error: <c>_HANDLER</c> is unset or names no registered handler.</summary>
    public const string HandlerNotFound = "Runtime.HandlerNotFound";

    /// <summary>The handler did not finish before the invocation's deadline.</summary>
    public const string Timeout = "Runtime.Timeout";

    /// <summary>The Runtime API refused the handler's response (for example 413, larger than 6 MB).</summary>
    public const string ResponseRejected = "Runtime.ResponseRejected";
}
