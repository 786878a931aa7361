using ContinuousImprovement.Aws.Rekognition;
using ContinuousImprovement.Core.Ports;
using ContinuousImprovement.Core.Storage;

namespace ContinuousImprovement.Aws.Adapters;

/// <summary>
/// <see cref="IModelTraining"/> on Rekognition Custom Labels project versions. The project ARN a version belongs to
/// is the part of its ARN before <c>/version/</c>, which DescribeProjectVersions needs.
/// </summary>
public sealed class RekognitionModelTraining(RekognitionClient client) : IModelTraining
{
    public Task<string> CreateVersionAsync(string projectArn, string versionName, S3ObjectRef trainingManifest, S3ObjectRef testManifest, S3ObjectRef outputPrefix, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(projectArn);
        ArgumentException.ThrowIfNullOrWhiteSpace(versionName);
        ArgumentNullException.ThrowIfNull(trainingManifest);
        ArgumentNullException.ThrowIfNull(testManifest);
        ArgumentNullException.ThrowIfNull(outputPrefix);
        var request = new CreateProjectVersionRequest(
            projectArn,
            versionName,
            new OutputConfig(outputPrefix.Bucket, outputPrefix.Key),
            new TrainingData([Manifest(trainingManifest)]),
            new TestingData([Manifest(testManifest)]));
        return PortFailures.Guard($"create model version {versionName}", async () =>
        {
            var response = await client.CreateProjectVersionAsync(request, cancellationToken).ConfigureAwait(false);
            return response.ProjectVersionArn
                ?? throw new PortException(PortFailure.Unavailable, $"create model version {versionName}: Rekognition answered without a ProjectVersionArn.");
        }, cancellationToken);
    }

    public Task<ModelVersion?> DescribeVersionAsync(string projectVersionArn, CancellationToken cancellationToken)
    {
        var (projectArn, versionName) = Split(projectVersionArn);
        return PortFailures.Guard($"describe model version {projectVersionArn}", async () =>
        {
            var response = await client.DescribeProjectVersionsAsync(new DescribeProjectVersionsRequest(projectArn, [versionName]), cancellationToken).ConfigureAwait(false);
            var found = (response.ProjectVersionDescriptions ?? []).FirstOrDefault(d => string.Equals(d.ProjectVersionArn, projectVersionArn, StringComparison.Ordinal));
            return found is null
                ? null
                : new ModelVersion(projectVersionArn, found.Status ?? "UNKNOWN", found.StatusMessage, found.EvaluationResult?.F1Score, found.MinInferenceUnits);
        }, cancellationToken);
    }

    public Task StartVersionAsync(string projectVersionArn, int minInferenceUnits, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(projectVersionArn);
        return PortFailures.Guard($"start model version {projectVersionArn}",
            () => client.StartProjectVersionAsync(new StartProjectVersionRequest(projectVersionArn, minInferenceUnits), cancellationToken), cancellationToken);
    }

    public Task StopVersionAsync(string projectVersionArn, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(projectVersionArn);
        return PortFailures.Guard($"stop model version {projectVersionArn}",
            () => client.StopProjectVersionAsync(new StopProjectVersionRequest(projectVersionArn), cancellationToken), cancellationToken);
    }

    private static Asset Manifest(S3ObjectRef manifest) => new(new GroundTruthManifest(new S3Object(manifest.Bucket, manifest.Key, manifest.VersionId)));

    // arn:aws:rekognition:<region>:<account>:project/<project>/version/<version>/<timestamp>
    internal static (string ProjectArn, string VersionName) Split(string projectVersionArn)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(projectVersionArn);
        var at = projectVersionArn.IndexOf("/version/", StringComparison.Ordinal);
        if (at < 0)
        {
            throw new PortException(PortFailure.Invalid, $"{projectVersionArn} is not a Rekognition project version ARN (no /version/).");
        }

        var project = projectVersionArn[..at];
        var rest = projectVersionArn[(at + "/version/".Length)..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        return (project, slash < 0 ? rest : rest[..slash]);
    }
}
