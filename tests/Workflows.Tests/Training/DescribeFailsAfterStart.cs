using ContinuousImprovement.Core.Ports;
using ContinuousImprovement.Core.Storage;

namespace ContinuousImprovement.Workflows.Tests.Training;

/// <summary>Model training whose DescribeProjectVersions stops answering once a version has been started: the blue/green wait and the stop guard both fail.</summary>
internal sealed class DescribeFailsAfterStart(IModelTraining inner) : IModelTraining
{
    private volatile bool started;

    public Task<string> CreateVersionAsync(string projectArn, string versionName, S3ObjectRef trainingManifest, S3ObjectRef testManifest, S3ObjectRef outputPrefix, CancellationToken cancellationToken) =>
        inner.CreateVersionAsync(projectArn, versionName, trainingManifest, testManifest, outputPrefix, cancellationToken);

    public Task<ModelVersion?> DescribeVersionAsync(string projectVersionArn, CancellationToken cancellationToken) =>
        started ? throw new PortException(PortFailure.Unavailable, "DescribeProjectVersions: service unavailable") : inner.DescribeVersionAsync(projectVersionArn, cancellationToken);

    public async Task StartVersionAsync(string projectVersionArn, int minInferenceUnits, CancellationToken cancellationToken)
    {
        await inner.StartVersionAsync(projectVersionArn, minInferenceUnits, cancellationToken);
        started = true;
    }

    public Task StopVersionAsync(string projectVersionArn, CancellationToken cancellationToken) => inner.StopVersionAsync(projectVersionArn, cancellationToken);
}
