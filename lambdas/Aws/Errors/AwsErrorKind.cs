namespace ContinuousImprovement.Aws.Errors;

/// <summary>What an AWS error means for the caller, whatever the service called it.</summary>
public enum AwsErrorKind
{
    Unknown,
    Throttling,
    ResourceNotReady,
    Conflict,
    Validation,
    AccessDenied,
    ResourceNotFound,
    ServiceUnavailable,
    ClockSkew,
}
