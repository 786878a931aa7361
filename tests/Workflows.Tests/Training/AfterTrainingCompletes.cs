using ContinuousImprovement.Core.Ports;
using ContinuousImprovement.Core.Storage;
using ContinuousImprovement.Local.Adapters;

namespace ContinuousImprovement.Workflows.Tests.Training;

/// <summary>
/// Model training that runs <paramref name="action"/> on the test manifest of the version the workflow created, once,
/// when a poll first sees that version TRAINING_COMPLETED: between training and the gate, as an operator or a
/// lifecycle rule deleting files would.
/// </summary>
internal sealed class AfterTrainingCompletes(IModelTraining inner, Func<S3ObjectRef, Task> action) : IModelTraining
{
    private S3ObjectRef? testManifest;
    private string? created;
    private bool done;

    public async Task<string> CreateVersionAsync(string projectArn, string versionName, S3ObjectRef trainingManifest, S3ObjectRef testManifest, S3ObjectRef outputPrefix, CancellationToken cancellationToken)
    {
        created = await inner.CreateVersionAsync(projectArn, versionName, trainingManifest, testManifest, outputPrefix, cancellationToken);
        this.testManifest = testManifest;
        return created;
    }

    public async Task<ModelVersion?> DescribeVersionAsync(string projectVersionArn, CancellationToken cancellationToken)
    {
        var version = await inner.DescribeVersionAsync(projectVersionArn, cancellationToken);
        if (!done && projectVersionArn == created && version?.Status == LocalModelTraining.TrainingCompleted)
        {
            done = true;
            await action(testManifest!);
        }

        return version;
    }

    public Task StartVersionAsync(string projectVersionArn, int minInferenceUnits, CancellationToken cancellationToken) => inner.StartVersionAsync(projectVersionArn, minInferenceUnits, cancellationToken);

    public Task StopVersionAsync(string projectVersionArn, CancellationToken cancellationToken) => inner.StopVersionAsync(projectVersionArn, cancellationToken);
}
