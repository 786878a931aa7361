namespace ContinuousImprovement.Aws.Errors;

/// <summary>Whether a failed call may be tried again, and how patiently.</summary>
public enum RetryClass
{
    /// <summary>Retrying cannot help (bad input, no permission, not found, conflicting state).</summary>
    Terminal,

    /// <summary>A transient fault (5xx, a cut-off response, a skewed clock now corrected): retry soon with backoff.</summary>
    Retryable,

    /// <summary>The service asked us to slow down: retry with a longer backoff.</summary>
    Throttling,
}
