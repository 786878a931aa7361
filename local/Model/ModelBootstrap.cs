using ContinuousImprovement.Core.Manifests;
using ContinuousImprovement.Core.Ports;
using ContinuousImprovement.Local.Adapters;

namespace ContinuousImprovement.Local.Model;

/// <summary>
/// The twin's first model version, made without the training workflow (which needs a serving model to compare
/// against): a labeled seed set — say 20 images per class, already in the object store — is split into training and
/// test images as the workflow splits its data set, trained on, and registered TRAINING_COMPLETED at once.
/// The caller then starts it (<see cref="LocalModelTraining.StartVersionAsync"/>) and points the serving parameter at it.
/// </summary>
public static class ModelBootstrap
{
    /// <summary>The share of the seed set held out to score the model, as Rekognition's automatic split holds out.</summary>
    public const double DefaultTestFraction = 0.2;

    /// <summary>
    /// Trains on <paramref name="seed"/> (split by <see cref="DatasetSplit.Assign"/> with
    /// <paramref name="testFraction"/> and <paramref name="splitSeed"/>, so every label with two or more images is
    /// on both sides) and registers the version. A training that fails (one label only, no usable image) is
    /// registered TRAINING_FAILED with its reason, as a failed workflow training would be.
    /// </summary>
    /// <returns>The version as <see cref="LocalModelTraining.DescribeVersionAsync"/> reports it: ARN, status, message, macro F1.</returns>
    public static async Task<ModelVersion> AddInitialVersionAsync(
        LocalModelTraining training,
        MlNetTrainer trainer,
        string projectArn,
        string versionName,
        IEnumerable<ManifestEntry> seed,
        double testFraction = DefaultTestFraction,
        int splitSeed = 1,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(trainer);
        var split = DatasetSplit.Assign(seed, testFraction, splitSeed);
        var result = await trainer.TrainAsync(new ManifestReadResult(split.Train, []), new ManifestReadResult(split.Test, []), cancellationToken).ConfigureAwait(false);
        var arn = await training.AddTrainedVersionAsync(projectArn, versionName, result, cancellationToken).ConfigureAwait(false);
        return await training.DescribeVersionAsync(arn, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Version {arn} was registered but cannot be described.");
    }
}
