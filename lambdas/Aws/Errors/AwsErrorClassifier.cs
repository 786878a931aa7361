namespace ContinuousImprovement.Aws.Errors;

/// <summary>
/// Maps AWS error codes (from any of our services) and HTTP statuses to an <see cref="AwsErrorKind"/> and a
/// <see cref="RetryClass"/>. Codes come first because services answer 400 for throttling and bad input alike; the
/// status decides only for codes we do not know, e.g. an unknown code with 503 is ServiceUnavailable.
/// </summary>
public static class AwsErrorClassifier
{
    /// <summary>Codes we make up when AWS gave none we could read.</summary>
    public const string MalformedResponse = "MalformedResponse";

    private static readonly Dictionary<string, AwsErrorKind> Codes = new(StringComparer.Ordinal)
    {
        // Throttling codes as the AWS SDKs' standard retry mode lists them, plus SNS's and Rekognition's own.
        ["Throttling"] = AwsErrorKind.Throttling,
        ["ThrottlingException"] = AwsErrorKind.Throttling,
        ["ThrottledException"] = AwsErrorKind.Throttling,
        ["Throttled"] = AwsErrorKind.Throttling,
        ["RequestThrottledException"] = AwsErrorKind.Throttling,
        ["RequestThrottled"] = AwsErrorKind.Throttling,
        ["TooManyRequestsException"] = AwsErrorKind.Throttling,
        ["ProvisionedThroughputExceededException"] = AwsErrorKind.Throttling,
        ["TransactionInProgressException"] = AwsErrorKind.Throttling,
        ["RequestLimitExceeded"] = AwsErrorKind.Throttling,
        ["BandwidthLimitExceeded"] = AwsErrorKind.Throttling,
        ["LimitExceededException"] = AwsErrorKind.Throttling,
        ["SlowDown"] = AwsErrorKind.Throttling,
        ["EC2ThrottledException"] = AwsErrorKind.Throttling,
        ["KMSThrottling"] = AwsErrorKind.Throttling,
        ["KMSThrottlingException"] = AwsErrorKind.Throttling,

        ["ResourceNotReadyException"] = AwsErrorKind.ResourceNotReady,

        ["ConflictException"] = AwsErrorKind.Conflict,
        ["ResourceInUseException"] = AwsErrorKind.Conflict,
        ["ResourceAlreadyExistsException"] = AwsErrorKind.Conflict,
        ["ConcurrentModificationException"] = AwsErrorKind.Conflict,
        ["ExecutionAlreadyExists"] = AwsErrorKind.Conflict,
        ["ConflictingOperationException"] = AwsErrorKind.Conflict,

        ["ValidationException"] = AwsErrorKind.Validation,
        ["ValidationError"] = AwsErrorKind.Validation,
        ["SerializationException"] = AwsErrorKind.Validation,
        ["MissingParameter"] = AwsErrorKind.Validation,
        ["MalformedQueryString"] = AwsErrorKind.Validation,
        ["ImageTooLargeException"] = AwsErrorKind.Validation,

        ["AccessDeniedException"] = AwsErrorKind.AccessDenied,
        ["AccessDenied"] = AwsErrorKind.AccessDenied,
        ["AuthorizationError"] = AwsErrorKind.AccessDenied,
        ["UnrecognizedClientException"] = AwsErrorKind.AccessDenied,
        ["InvalidClientTokenId"] = AwsErrorKind.AccessDenied,
        ["MissingAuthenticationToken"] = AwsErrorKind.AccessDenied,
        ["IncompleteSignature"] = AwsErrorKind.AccessDenied,
        ["ExpiredToken"] = AwsErrorKind.AccessDenied,
        ["ExpiredTokenException"] = AwsErrorKind.AccessDenied,
        ["NotAuthorized"] = AwsErrorKind.AccessDenied,
        ["KMSAccessDeniedException"] = AwsErrorKind.AccessDenied,

        ["ResourceNotFoundException"] = AwsErrorKind.ResourceNotFound,
        ["ResourceNotFound"] = AwsErrorKind.ResourceNotFound,
        ["NotFound"] = AwsErrorKind.ResourceNotFound,
        ["NotFoundException"] = AwsErrorKind.ResourceNotFound,
        ["ExecutionDoesNotExist"] = AwsErrorKind.ResourceNotFound,
        ["StateMachineDoesNotExist"] = AwsErrorKind.ResourceNotFound,

        ["ServiceUnavailable"] = AwsErrorKind.ServiceUnavailable,
        ["ServiceUnavailableException"] = AwsErrorKind.ServiceUnavailable,
        ["ServiceUnavailableError"] = AwsErrorKind.ServiceUnavailable,
        ["InternalServerError"] = AwsErrorKind.ServiceUnavailable,
        ["InternalServerException"] = AwsErrorKind.ServiceUnavailable,
        ["InternalFailure"] = AwsErrorKind.ServiceUnavailable,
        ["InternalError"] = AwsErrorKind.ServiceUnavailable,
        ["InternalErrorException"] = AwsErrorKind.ServiceUnavailable,
        ["InternalException"] = AwsErrorKind.ServiceUnavailable,
        ["RequestTimeout"] = AwsErrorKind.ServiceUnavailable,
        ["RequestTimeoutException"] = AwsErrorKind.ServiceUnavailable,
        ["PriorRequestNotComplete"] = AwsErrorKind.ServiceUnavailable,
        ["KMSInternalException"] = AwsErrorKind.ServiceUnavailable,

        ["RequestTimeTooSkewed"] = AwsErrorKind.ClockSkew,
        ["RequestExpired"] = AwsErrorKind.ClockSkew,
        ["RequestInTheFuture"] = AwsErrorKind.ClockSkew,
    };

    /// <summary>Signature errors are clock skew only when the message says the signature is out of date.</summary>
    private static readonly string[] SignatureCodes = ["InvalidSignatureException", "SignatureDoesNotMatch", "AuthFailure"];

    private static readonly string[] SkewPhrases = ["Signature expired", "Signature not yet current", "RequestTimeTooSkewed", "too skewed"];

    public static AwsErrorKind KindOf(string code, string? message, int statusCode)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (Codes.TryGetValue(code, out var kind))
        {
            return kind;
        }
        if (SignatureCodes.Contains(code, StringComparer.Ordinal))
        {
            return message is not null && SkewPhrases.Any(p => message.Contains(p, StringComparison.OrdinalIgnoreCase))
                ? AwsErrorKind.ClockSkew
                : AwsErrorKind.AccessDenied;
        }
        if (code.StartsWith("Invalid", StringComparison.Ordinal) || code.EndsWith("ValidationException", StringComparison.Ordinal))
        {
            // InvalidParameter (SNS), InvalidParameterException, InvalidS3ObjectException, InvalidArn, InvalidName, ...
            return AwsErrorKind.Validation;
        }
        return statusCode switch
        {
            429 => AwsErrorKind.Throttling,
            401 or 403 => AwsErrorKind.AccessDenied,
            404 => AwsErrorKind.ResourceNotFound,
            409 => AwsErrorKind.Conflict,
            >= 500 and < 600 => AwsErrorKind.ServiceUnavailable,
            _ => AwsErrorKind.Unknown,
        };
    }

    public static RetryClass RetryClassOf(AwsServiceError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.Kind switch
        {
            AwsErrorKind.Throttling => RetryClass.Throttling,
            AwsErrorKind.ServiceUnavailable or AwsErrorKind.ClockSkew => RetryClass.Retryable,
            // A body cut off in transit is worth another try; the same call usually succeeds.
            _ when error.Code == MalformedResponse => RetryClass.Retryable,
            _ => RetryClass.Terminal,
        };
    }
}
