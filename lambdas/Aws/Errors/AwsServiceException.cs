namespace ContinuousImprovement.Aws.Errors;

/// <summary>Thrown by the typed clients when AWS answers with an error; <see cref="Error"/> holds the typed details.</summary>
public sealed class AwsServiceException : Exception
{
    public AwsServiceException(AwsServiceError error, Exception? inner = null)
        : base((error ?? throw new ArgumentNullException(nameof(error))).ToString(), inner)
    {
        Error = error;
    }

    public AwsServiceException()
        : this(new AwsServiceError("unknown", "Unknown", "An AWS call failed.", 0, null, AwsErrorKind.Unknown))
    {
    }

    public AwsServiceException(string message)
        : this(new AwsServiceError("unknown", "Unknown", message, 0, null, AwsErrorKind.Unknown))
    {
    }

    public AwsServiceException(string message, Exception inner)
        : this(new AwsServiceError("unknown", "Unknown", message, 0, null, AwsErrorKind.Unknown), inner)
    {
    }

    public AwsServiceError Error { get; }
}
