namespace ContinuousImprovement.Handlers.Invocation;

/// <summary>
/// Error names handlers report besides <c>Port.&lt;Kind&gt;</c>. None is worth retrying: the same request
/// would fail the same way.
/// </summary>
public static class HandlerErrors
{
    /// <summary>The request is not what the handler reads (not JSON, a field missing, not an S3 event).</summary>
    public const string InvalidInput = "Handler.InvalidInput";

    /// <summary>Stored state the handler depends on cannot be read (e.g. the system parameter).</summary>
    public const string InvalidState = "Handler.InvalidState";
}
