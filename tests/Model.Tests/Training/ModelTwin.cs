using ContinuousImprovement.Core.Storage;
using ContinuousImprovement.Local.Adapters;

namespace ContinuousImprovement.Local.Model.Tests.Training;

/// <summary>
/// The twin's model side over a temp folder: a folder object store, versions trained by <see cref="MlNetTrainer"/>
/// on a manual clock, and a runtime answering from the trained models.
/// </summary>
internal sealed class ModelTwin : IDisposable
{
    public const string Bucket = "bkt";
    public const string Project = "arn:aws:rekognition:us-east-1:123456789012:project/ci/1769000000000";
    public static readonly TimeSpan TrainingTime = TimeSpan.FromMinutes(10);

    public ModelTwin()
    {
        Directory.CreateDirectory(Root);
        Store = new FolderObjectStore(System.IO.Path.Combine(Root, "buckets"), Time);
        Training = NewTraining();
        Runtime = new LocalModelRuntime(ModelsFolder, Store, Predictor);
    }

    public string Root { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ci-model-" + Guid.NewGuid().ToString("N")[..12]);

    public string ModelsFolder => System.IO.Path.Combine(Root, "models");

    public ManualTime Time { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    public FolderObjectStore Store { get; }

    public MlNetTrainer Trainer => new(Store, new MlNetTrainerOptions(TrainingTime, Seed: 5));

    public LocalModelTraining Training { get; }

    public MlNetPredictor Predictor { get; } = new();

    public LocalModelRuntime Runtime { get; }

    /// <summary>Another adapter over the same folder, as a later run of the twin would have.</summary>
    public LocalModelTraining NewTraining() => new(ModelsFolder, Store, Trainer, Time);

    /// <summary>Creates a version from two manifests and lets its training time pass.</summary>
    public async Task<string> TrainAsync(string name, S3ObjectRef train, S3ObjectRef test)
    {
        var arn = await Training.CreateVersionAsync(Project, name, train, test, new S3ObjectRef(Bucket, "out/"), default);
        Time.Advance(TrainingTime);
        return arn;
    }

    public async Task StartAsync(string arn)
    {
        await Training.StartVersionAsync(arn, 1, default);
        Time.Advance(Training.StartTime);
        await Training.DescribeVersionAsync(arn, default);
    }

    public void Dispose()
    {
        Training.Dispose();
        Store.Dispose();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
