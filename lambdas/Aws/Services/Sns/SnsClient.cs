using ContinuousImprovement.Aws.Runtime;

namespace ContinuousImprovement.Aws.Sns;

/// <summary>SNS (awsQuery: form-encoded request, XML response) until AWSSDK.SimpleNotificationService can replace it.</summary>
public sealed class SnsClient(AwsClientOptions options) : IDisposable
{
    private readonly AwsServiceClient _client = new(AwsService.Sns, options);

    public Task<PublishResponse> PublishAsync(PublishRequest request, CancellationToken cancellationToken = default) =>
        _client.InvokeAsync("Publish", request, SnsJson.Default.PublishRequest, SnsJson.Default.PublishResponse, cancellationToken);

    public void Dispose() => _client.Dispose();
}
