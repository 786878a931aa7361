namespace ContinuousImprovement.Aws.Errors;

/// <summary>
/// A failed AWS call as a value: the service's raw <paramref name="Code"/> and <paramref name="Message"/> (kept even when
/// the code is unknown to us), the HTTP status, the request id to quote to AWS support, and what it means.
/// Never carries credentials or signatures.
/// </summary>
public sealed record AwsServiceError(string Service, string Code, string Message, int StatusCode, string? RequestId, AwsErrorKind Kind)
{
    public RetryClass Retry => AwsErrorClassifier.RetryClassOf(this);

    public override string ToString() =>
        $"{Service} {Code} (HTTP {StatusCode}, {Kind}, {Retry}){(RequestId is null ? "" : $" request {RequestId}")}: {Message}";
}
