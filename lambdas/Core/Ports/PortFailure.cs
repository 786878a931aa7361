namespace ContinuousImprovement.Core.Ports;

/// <summary>
/// Why a port call failed, in the terms a workflow acts on. Adapters map their service's errors to these
/// (AWS error codes on AWS, I/O errors locally); the host reports them to Step Functions as
/// <c>Port.&lt;Kind&gt;</c> so ASL Retry and Catch can match them by name.
/// </summary>
public enum PortFailure
{
    /// <summary>Too many requests: retry with backoff.</summary>
    Throttled,

    /// <summary>The service is down or answered 5xx: retry with backoff.</summary>
    Unavailable,

    /// <summary>The call took too long: retry with backoff.</summary>
    Timeout,

    /// <summary>The resource exists but cannot serve yet (a model still starting): retry later.</summary>
    NotReady,

    /// <summary>The resource does not exist: do not retry.</summary>
    NotFound,

    /// <summary>The call conflicts with the current state (already exists, changed meanwhile): do not retry blindly.</summary>
    Conflict,

    /// <summary>The request is wrong (validation): do not retry.</summary>
    Invalid,

    /// <summary>Not allowed: do not retry; an operator must fix permissions.</summary>
    AccessDenied,
}
