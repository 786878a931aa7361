using ContinuousImprovement.Aws.Runtime;

namespace ContinuousImprovement.Aws.EventBridge;

/// <summary>EventBridge rules (awsJson1_1, "AWSEvents" target) until AWSSDK.EventBridge can replace it.</summary>
public sealed class EventBridgeClient(AwsClientOptions options) : IDisposable
{
    private readonly AwsServiceClient _client = new(AwsService.EventBridge, options);
    private static EventBridgeJson Json => EventBridgeJson.Default;

    public Task<PutRuleResponse> PutRuleAsync(PutRuleRequest request, CancellationToken cancellationToken = default) =>
        _client.InvokeAsync("PutRule", request, Json.PutRuleRequest, Json.PutRuleResponse, cancellationToken);

    public Task EnableRuleAsync(EnableRuleRequest request, CancellationToken cancellationToken = default) =>
        _client.InvokeAsync("EnableRule", request, Json.EnableRuleRequest, Json.EmptyResponse, cancellationToken);

    public Task DisableRuleAsync(DisableRuleRequest request, CancellationToken cancellationToken = default) =>
        _client.InvokeAsync("DisableRule", request, Json.DisableRuleRequest, Json.EmptyResponse, cancellationToken);

    public Task<DescribeRuleResponse> DescribeRuleAsync(DescribeRuleRequest request, CancellationToken cancellationToken = default) =>
        _client.InvokeAsync("DescribeRule", request, Json.DescribeRuleRequest, Json.DescribeRuleResponse, cancellationToken);

    public void Dispose() => _client.Dispose();
}
