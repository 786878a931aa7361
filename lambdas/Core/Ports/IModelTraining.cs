using ContinuousImprovement.Core.Storage;

namespace ContinuousImprovement.Core.Ports;

/// <summary>A model version as Rekognition Custom Labels describes it (statuses are Rekognition's, e.g. TRAINING_COMPLETED, RUNNING).</summary>
public sealed record ModelVersion(string Arn, string Status, string? StatusMessage, double? F1, int? InferenceUnits);

/// <summary>Training and hosting model versions (Rekognition Custom Labels projects; ML.NET versions in the twin).</summary>
public interface IModelTraining
{
    /// <summary>Starts training a new version from Ground Truth manifests; returns its ARN at once (training is asynchronous).</summary>
    Task<string> CreateVersionAsync(string projectArn, string versionName, S3ObjectRef trainingManifest, S3ObjectRef testManifest, S3ObjectRef outputPrefix, CancellationToken cancellationToken);

    Task<ModelVersion?> DescribeVersionAsync(string projectVersionArn, CancellationToken cancellationToken);

    Task StartVersionAsync(string projectVersionArn, int minInferenceUnits, CancellationToken cancellationToken);

    Task StopVersionAsync(string projectVersionArn, CancellationToken cancellationToken);
}
