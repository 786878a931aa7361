namespace ContinuousImprovement.Asl.Tasks;

/// <summary>
/// A service error of a local AWS SDK action, named as the service's API reference names it
/// (<c>ParameterNotFound</c> or <c>ParameterNotFoundException</c>); the integration turns it into the error
/// Step Functions reports, e.g. <c>Ssm.ParameterNotFoundException</c>.
/// </summary>
public sealed class AwsSdkException : Exception
{
    public AwsSdkException(string errorCode, string message)
        : base(message)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(errorCode);
        ErrorCode = errorCode;
    }

    public AwsSdkException()
        : this("InternalServerError", "The service call failed.")
    {
    }

    public AwsSdkException(string message)
        : this("InternalServerError", message)
    {
    }

    public AwsSdkException(string message, Exception innerException)
        : base(message, innerException)
    {
        ErrorCode = "InternalServerError";
    }

    public string ErrorCode { get; }

    /// <summary>
    /// The error Step Functions reports for this one under <paramref name="servicePrefix"/>: <c>&lt;Service&gt;.&lt;Name&gt;Exception</c>,
    /// the "Exception" suffix added when the service's own name lacks it (S3's <c>NoSuchKey</c> is <c>S3.NoSuchKeyException</c>).
    /// </summary>
    public string ErrorName(string servicePrefix) =>
        servicePrefix + "." + (ErrorCode.EndsWith("Exception", StringComparison.Ordinal) ? ErrorCode : ErrorCode + "Exception");
}
