using ContinuousImprovement.Aws.Runtime;

namespace ContinuousImprovement.Aws.StepFunctions;

/// <summary>Step Functions (awsJson1_0) until AWSSDK.StepFunctions can replace it.</summary>
public sealed class StepFunctionsClient(AwsClientOptions options) : IDisposable
{
    private readonly AwsServiceClient _client = new(AwsService.StepFunctions, options);

    public Task<StartExecutionResponse> StartExecutionAsync(StartExecutionRequest request, CancellationToken cancellationToken = default) =>
        _client.InvokeAsync("StartExecution", request, StepFunctionsJson.Default.StartExecutionRequest, StepFunctionsJson.Default.StartExecutionResponse, cancellationToken);

    public Task<DescribeExecutionResponse> DescribeExecutionAsync(DescribeExecutionRequest request, CancellationToken cancellationToken = default) =>
        _client.InvokeAsync("DescribeExecution", request, StepFunctionsJson.Default.DescribeExecutionRequest, StepFunctionsJson.Default.DescribeExecutionResponse, cancellationToken);

    public void Dispose() => _client.Dispose();
}
