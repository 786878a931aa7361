using ContinuousImprovement.Aws.Adapters;
using ContinuousImprovement.Aws.Errors;
using ContinuousImprovement.Core.Ports;

namespace ContinuousImprovement.Aws.Tests.Adapters;

public sealed class PortFailuresTests
{
    [Theory]
    [InlineData(AwsErrorKind.Throttling, 400, PortFailure.Throttled)]
    [InlineData(AwsErrorKind.ResourceNotReady, 400, PortFailure.NotReady)]
    [InlineData(AwsErrorKind.Conflict, 409, PortFailure.Conflict)]
    [InlineData(AwsErrorKind.Validation, 400, PortFailure.Invalid)]
    [InlineData(AwsErrorKind.AccessDenied, 403, PortFailure.AccessDenied)]
    [InlineData(AwsErrorKind.ResourceNotFound, 404, PortFailure.NotFound)]
    [InlineData(AwsErrorKind.ServiceUnavailable, 503, PortFailure.Unavailable)]
    [InlineData(AwsErrorKind.Unknown, 502, PortFailure.Unavailable)]
    [InlineData(AwsErrorKind.Unknown, 429, PortFailure.Throttled)]
    [InlineData(AwsErrorKind.Unknown, 504, PortFailure.Timeout)]
    [InlineData(AwsErrorKind.Unknown, 400, PortFailure.Invalid)]
    public void A_classified_AWS_error_maps_to_the_port_failure_a_workflow_acts_on(AwsErrorKind kind, int status, PortFailure expected) =>
        Assert.Equal(expected, PortFailures.FromKind(kind, status));

    [Fact]
    public void A_typed_client_failure_keeps_its_code_and_message_in_the_port_message()
    {
        var aws = new AwsServiceException(new AwsServiceError("Rekognition", "ThrottlingException", "Rate exceeded", 400, "r-1", AwsErrorKind.Throttling));

        var port = PortFailures.From("detect labels in s3://b/k", aws, CancellationToken.None);

        Assert.NotNull(port);
        Assert.Equal("Port.Throttled", port.ErrorName);
        Assert.Equal("detect labels in s3://b/k: ThrottlingException: Rate exceeded", port.Message);
        Assert.Same(aws, port.InnerException);
    }

    [Fact]
    public void A_transport_failure_is_unavailable_and_a_timeout_is_a_timeout()
    {
        Assert.Equal(PortFailure.Unavailable, PortFailures.From("x", new HttpRequestException("connection refused"), CancellationToken.None)!.Failure);
        Assert.Equal(PortFailure.Timeout, PortFailures.From("x", new TaskCanceledException("HttpClient.Timeout"), CancellationToken.None)!.Failure);
    }

    [Fact]
    public void Cancellation_by_the_caller_and_defects_are_not_port_failures()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.Null(PortFailures.From("x", new OperationCanceledException(cancelled.Token), cancelled.Token));
        Assert.Null(PortFailures.From("x", new ArgumentException("a bug"), CancellationToken.None));
    }

    [Fact]
    public void A_version_arn_splits_into_its_project_arn_and_version_name()
    {
        var (project, version) = RekognitionModelTraining.Split("arn:aws:rekognition:us-east-1:111122223333:project/p/version/p.v2/1767225600000");

        Assert.Equal("arn:aws:rekognition:us-east-1:111122223333:project/p", project);
        Assert.Equal("p.v2", version);
    }

    [Fact]
    public void An_arn_without_a_version_is_invalid()
    {
        var failure = Assert.Throws<PortException>(() => RekognitionModelTraining.Split("arn:aws:rekognition:us-east-1:111122223333:project/p/1"));

        Assert.Equal(PortFailure.Invalid, failure.Failure);
    }
}
