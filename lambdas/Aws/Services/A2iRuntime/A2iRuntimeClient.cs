using ContinuousImprovement.Aws.Runtime;

namespace ContinuousImprovement.Aws.A2iRuntime;

/// <summary>Amazon Augmented AI runtime (restJson1, signed as "sagemaker") until AWSSDK.AugmentedAIRuntime can replace it.</summary>
public sealed class A2iRuntimeClient(AwsClientOptions options) : IDisposable
{
    private readonly AwsServiceClient _client = new(AwsService.A2iRuntime, options);
    private static A2iRuntimeJson Json => A2iRuntimeJson.Default;

    public Task<StartHumanLoopResponse> StartHumanLoopAsync(StartHumanLoopRequest request, CancellationToken cancellationToken = default) =>
        _client.InvokeAsync("StartHumanLoop", request, Json.StartHumanLoopRequest, Json.StartHumanLoopResponse, cancellationToken);

    public Task<DescribeHumanLoopResponse> DescribeHumanLoopAsync(DescribeHumanLoopRequest request, CancellationToken cancellationToken = default) =>
        _client.InvokeAsync("DescribeHumanLoop", request, Json.DescribeHumanLoopRequest, Json.DescribeHumanLoopResponse, cancellationToken);

    public Task StopHumanLoopAsync(StopHumanLoopRequest request, CancellationToken cancellationToken = default) =>
        _client.InvokeAsync("StopHumanLoop", request, Json.StopHumanLoopRequest, Json.EmptyResponse, cancellationToken);

    public Task<ListHumanLoopsResponse> ListHumanLoopsAsync(ListHumanLoopsRequest request, CancellationToken cancellationToken = default) =>
        _client.InvokeAsync("ListHumanLoops", request, Json.ListHumanLoopsRequest, Json.ListHumanLoopsResponse, cancellationToken);

    public void Dispose() => _client.Dispose();
}
