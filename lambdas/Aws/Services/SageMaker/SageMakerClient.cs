using ContinuousImprovement.Aws.Runtime;

namespace ContinuousImprovement.Aws.SageMaker;

/// <summary>The SageMaker operations A2I setup needs (awsJson1_1) until AWSSDK.SageMaker can replace it.</summary>
public sealed class SageMakerClient(AwsClientOptions options) : IDisposable
{
    private readonly AwsServiceClient _client = new(AwsService.SageMaker, options);
    private static SageMakerJson Json => SageMakerJson.Default;

    public Task<CreateFlowDefinitionResponse> CreateFlowDefinitionAsync(CreateFlowDefinitionRequest request, CancellationToken cancellationToken = default) =>
        _client.InvokeAsync("CreateFlowDefinition", request, Json.CreateFlowDefinitionRequest, Json.CreateFlowDefinitionResponse, cancellationToken);

    public Task<DescribeFlowDefinitionResponse> DescribeFlowDefinitionAsync(DescribeFlowDefinitionRequest request, CancellationToken cancellationToken = default) =>
        _client.InvokeAsync("DescribeFlowDefinition", request, Json.DescribeFlowDefinitionRequest, Json.DescribeFlowDefinitionResponse, cancellationToken);

    public Task<CreateHumanTaskUiResponse> CreateHumanTaskUiAsync(CreateHumanTaskUiRequest request, CancellationToken cancellationToken = default) =>
        _client.InvokeAsync("CreateHumanTaskUi", request, Json.CreateHumanTaskUiRequest, Json.CreateHumanTaskUiResponse, cancellationToken);

    public void Dispose() => _client.Dispose();
}
