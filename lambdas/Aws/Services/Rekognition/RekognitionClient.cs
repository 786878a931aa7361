using ContinuousImprovement.Aws.Runtime;

namespace ContinuousImprovement.Aws.Rekognition;

/// <summary>Rekognition Custom Labels (awsJson1_1) until AWSSDK.Rekognition can replace it; each method is one call of the generic client.</summary>
public sealed class RekognitionClient(AwsClientOptions options) : IDisposable
{
    private readonly AwsServiceClient _client = new(AwsService.Rekognition, options);
    private static RekognitionJson Json => RekognitionJson.Default;

    public Task<DetectCustomLabelsResponse> DetectCustomLabelsAsync(DetectCustomLabelsRequest request, CancellationToken cancellationToken = default) =>
        _client.InvokeAsync("DetectCustomLabels", request, Json.DetectCustomLabelsRequest, Json.DetectCustomLabelsResponse, cancellationToken);

    public Task<CreateProjectVersionResponse> CreateProjectVersionAsync(CreateProjectVersionRequest request, CancellationToken cancellationToken = default) =>
        _client.InvokeAsync("CreateProjectVersion", request, Json.CreateProjectVersionRequest, Json.CreateProjectVersionResponse, cancellationToken);

    public Task<DescribeProjectVersionsResponse> DescribeProjectVersionsAsync(DescribeProjectVersionsRequest request, CancellationToken cancellationToken = default) =>
        _client.InvokeAsync("DescribeProjectVersions", request, Json.DescribeProjectVersionsRequest, Json.DescribeProjectVersionsResponse, cancellationToken);

    public Task<StartProjectVersionResponse> StartProjectVersionAsync(StartProjectVersionRequest request, CancellationToken cancellationToken = default) =>
        _client.InvokeAsync("StartProjectVersion", request, Json.StartProjectVersionRequest, Json.StartProjectVersionResponse, cancellationToken);

    public Task<StopProjectVersionResponse> StopProjectVersionAsync(StopProjectVersionRequest request, CancellationToken cancellationToken = default) =>
        _client.InvokeAsync("StopProjectVersion", request, Json.StopProjectVersionRequest, Json.StopProjectVersionResponse, cancellationToken);

    public Task<DescribeProjectsResponse> DescribeProjectsAsync(DescribeProjectsRequest request, CancellationToken cancellationToken = default) =>
        _client.InvokeAsync("DescribeProjects", request, Json.DescribeProjectsRequest, Json.DescribeProjectsResponse, cancellationToken);

    public Task<CreateDatasetResponse> CreateDatasetAsync(CreateDatasetRequest request, CancellationToken cancellationToken = default) =>
        _client.InvokeAsync("CreateDataset", request, Json.CreateDatasetRequest, Json.CreateDatasetResponse, cancellationToken);

    public Task UpdateDatasetEntriesAsync(UpdateDatasetEntriesRequest request, CancellationToken cancellationToken = default) =>
        _client.InvokeAsync("UpdateDatasetEntries", request, Json.UpdateDatasetEntriesRequest, Json.EmptyResponse, cancellationToken);

    public void Dispose() => _client.Dispose();
}
