using System.Net;
using Amazon.Runtime;
using ContinuousImprovement.Aws.Errors;
using ContinuousImprovement.Core.Ports;

namespace ContinuousImprovement.Aws.Adapters;

/// <summary>
/// Turns what an AWS call threw into the <see cref="PortException"/> a workflow acts on. Both kinds of client are
/// covered: our typed clients (<see cref="AwsServiceException"/>, already classified) and the AWS SDK's own
/// (<see cref="AmazonServiceException"/>, classified here by error code, then by HTTP status).
/// </summary>
internal static class PortFailures
{
    /// <summary>The port failure for an exception, or null when it is not an AWS or transport failure (a defect: let it fly).</summary>
    public static PortException? From(string what, Exception exception, CancellationToken cancellationToken) => exception switch
    {
        PortException port => port,
        AwsServiceException aws => new PortException(FromKind(aws.Error.Kind, aws.Error.StatusCode), $"{what}: {aws.Error.Code}: {aws.Error.Message}", aws),
        AmazonServiceException sdk => new PortException(FromCode(sdk.ErrorCode, (int)sdk.StatusCode), $"{what}: {sdk.ErrorCode ?? sdk.StatusCode.ToString()}: {sdk.Message}", sdk),
        OperationCanceledException when cancellationToken.IsCancellationRequested => null,
        OperationCanceledException or TimeoutException => new PortException(PortFailure.Timeout, $"{what} timed out.", exception),
        HttpRequestException or IOException or AmazonClientException => new PortException(PortFailure.Unavailable, $"{what}: {exception.Message}", exception),
        _ => null,
    };

    /// <summary>Runs an AWS call with its failures as <see cref="PortException"/>s.</summary>
    public static async Task<T> Guard<T>(string what, Func<Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (Exception e) when (From(what, e, cancellationToken) is { } port && !ReferenceEquals(port, e))
        {
            throw port;
        }
    }

    public static PortFailure FromKind(AwsErrorKind kind, int status) => kind switch
    {
        AwsErrorKind.Throttling => PortFailure.Throttled,
        AwsErrorKind.ResourceNotReady => PortFailure.NotReady,
        AwsErrorKind.Conflict => PortFailure.Conflict,
        AwsErrorKind.Validation => PortFailure.Invalid,
        AwsErrorKind.AccessDenied or AwsErrorKind.ClockSkew => PortFailure.AccessDenied,
        AwsErrorKind.ResourceNotFound => PortFailure.NotFound,
        AwsErrorKind.ServiceUnavailable => PortFailure.Unavailable,
        _ => FromStatus(status),
    };

    /// <summary>The SDK's error codes we act on across S3, SSM and DynamoDB; anything else by status.</summary>
    public static PortFailure FromCode(string? code, int status) => code switch
    {
        "SlowDown" or "Throttling" or "ThrottlingException" or "ThrottledException" or "RequestLimitExceeded"
            or "ProvisionedThroughputExceededException" or "TooManyUpdates" or "RequestThrottled" => PortFailure.Throttled,
        "RequestTimeout" or "RequestTimeoutException" => PortFailure.Timeout,
        "NoSuchKey" or "NoSuchBucket" or "NotFound" or "ParameterNotFound" or "ResourceNotFoundException" => PortFailure.NotFound,
        "AccessDenied" or "AccessDeniedException" or "InvalidAccessKeyId" or "SignatureDoesNotMatch" or "ExpiredToken"
            or "UnrecognizedClientException" or "RequestTimeTooSkewed" => PortFailure.AccessDenied,
        "PreconditionFailed" or "ConditionalCheckFailedException" or "TransactionConflictException" or "ParameterAlreadyExists" => PortFailure.Conflict,
        "ValidationException" or "InvalidArgument" or "InvalidRequest" or "ValidationError" or "SerializationException" => PortFailure.Invalid,
        _ => FromStatus(status),
    };

    public static PortFailure FromStatus(int status) => status switch
    {
        (int)HttpStatusCode.TooManyRequests => PortFailure.Throttled,
        (int)HttpStatusCode.RequestTimeout or (int)HttpStatusCode.GatewayTimeout => PortFailure.Timeout,
        (int)HttpStatusCode.Forbidden or (int)HttpStatusCode.Unauthorized => PortFailure.AccessDenied,
        (int)HttpStatusCode.NotFound => PortFailure.NotFound,
        (int)HttpStatusCode.Conflict or (int)HttpStatusCode.PreconditionFailed => PortFailure.Conflict,
        >= 500 => PortFailure.Unavailable,
        >= 400 => PortFailure.Invalid,
        _ => PortFailure.Unavailable,
    };
}
