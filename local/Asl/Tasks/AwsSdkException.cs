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
}
