using ContinuousImprovement.Asl.Runtime;
using ContinuousImprovement.Core.Ports;
using ContinuousImprovement.Core.Storage;
using ContinuousImprovement.Local.Adapters;
using ContinuousImprovement.Workflows.Tests.Twin;

namespace ContinuousImprovement.Workflows.Tests.Training;

public sealed class LocalModelTrainingTests : IDisposable
{
    private const string Project = "arn:aws:rekognition:us-east-1:123456789012:project/ci/1769000000000";
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1];

    private readonly TempFolder folder = new();
    private readonly VirtualClock clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly FolderObjectStore objects;
    private readonly LocalModelTraining training;
    private readonly LocalModelRuntime runtime;
    private readonly S3ObjectRef manifest = new("bkt", "manifests/x/train.manifest");

    public LocalModelTrainingTests()
    {
        var time = new ClockTimeProvider(clock);
        objects = new FolderObjectStore(folder["buckets"], time);
        training = new LocalModelTraining(folder["models"], objects, new ScriptedTrainer(folder["plan.json"]), time);
        runtime = new LocalModelRuntime(folder["models"], objects);
        objects.PutAsync("bkt", manifest.Key, "{}\n"u8.ToArray(), null, null, default).GetAwaiter().GetResult();
        objects.PutAsync("bkt", "images_for_detection/a.png", Png, "image/png", null, default).GetAwaiter().GetResult();
    }

    public void Dispose()
    {
        training.Dispose();
        objects.Dispose();
        folder.Dispose();
    }

    private Task<string> CreateAsync(string name = "v1") =>
        training.CreateVersionAsync(Project, name, manifest, manifest, new S3ObjectRef("bkt", "out/"), default);

    private async Task<string?> StatusAsync(string arn) => (await training.DescribeVersionAsync(arn, default))?.Status;

    [Fact]
    public async Task A_version_trains_on_the_clock_then_reports_its_planned_F1_and_is_named_as_Rekognition_names_it()
    {
        ScriptedTrainer.Save(folder["plan.json"], [new LocalPlannedVersion(F1: 0.875, TrainingMinutes: 30)]);
        var arn = await CreateAsync();

        var during = await training.DescribeVersionAsync(arn, default);
        clock.Advance(TimeSpan.FromMinutes(30));
        var after = await training.DescribeVersionAsync(arn, default);

        Assert.Equal($"arn:aws:rekognition:us-east-1:123456789012:project/ci/version/v1/{clock.Now.AddMinutes(-30).ToUnixTimeMilliseconds()}", arn);
        Assert.Equal((LocalModelTraining.TrainingInProgress, (double?)null), (during!.Status, during.F1));
        Assert.Equal((LocalModelTraining.TrainingCompleted, (double?)0.875), (after!.Status, after.F1));
    }

    [Fact]
    public async Task A_planned_failure_ends_training_failed_with_its_message_and_no_F1()
    {
        ScriptedTrainer.Save(folder["plan.json"], [new LocalPlannedVersion(Failure: "bad manifest")]);
        var arn = await CreateAsync();
        clock.Advance(ScriptedTrainer.DefaultTrainingTime);

        var version = await training.DescribeVersionAsync(arn, default);

        Assert.Equal((LocalModelTraining.TrainingFailed, "bad manifest", (double?)null), (version!.Status, version.StatusMessage, version.F1));
    }

    [Fact]
    public async Task A_version_without_a_planned_outcome_fails_to_train_saying_so()
    {
        var arn = await CreateAsync();
        clock.Advance(ScriptedTrainer.DefaultTrainingTime);

        var version = await training.DescribeVersionAsync(arn, default);

        Assert.Equal(LocalModelTraining.TrainingFailed, version!.Status);
        Assert.Contains("no planned outcome for version #1", version.StatusMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Started_versions_become_running_for_the_runtime_and_stopped_ones_stop_serving_it()
    {
        ScriptedTrainer.Save(folder["plan.json"], [new LocalPlannedVersion(F1: 0.9, TrainingMinutes: 1, Otherwise: [new("cat", 80)])]);
        var arn = await CreateAsync();
        clock.Advance(TimeSpan.FromMinutes(1));
        await StatusAsync(arn);
        var image = new S3ObjectRef("bkt", "images_for_detection/a.png");

        await training.StartVersionAsync(arn, 2, default);
        var starting = await StatusAsync(arn);
        var notYet = await Assert.ThrowsAsync<PortException>(() => runtime.DetectAsync(arn, image, 0, default));
        clock.Advance(training.StartTime);
        var running = await training.DescribeVersionAsync(arn, default);
        var prediction = await runtime.DetectAsync(arn, image, 0, default);
        await training.StopVersionAsync(arn, default);
        var stopping = await Assert.ThrowsAsync<PortException>(() => runtime.DetectAsync(arn, image, 0, default));
        clock.Advance(training.StopTime);

        Assert.Equal(LocalModelTraining.Starting, starting);
        Assert.Equal(PortFailure.NotReady, notYet.Failure);
        Assert.Equal((LocalModelTraining.Running, (int?)2, (double?)0.9), (running!.Status, running.InferenceUnits, running.F1));
        Assert.Equal("cat", prediction.Top!.Label);
        Assert.Equal(PortFailure.NotReady, stopping.Failure);
        Assert.Equal(LocalModelTraining.Stopped, await StatusAsync(arn));
    }

    [Fact]
    public async Task A_planned_start_failure_ends_the_start_failed_with_its_message()
    {
        ScriptedTrainer.Save(folder["plan.json"], [new LocalPlannedVersion(F1: 0.9, TrainingMinutes: 1, StartFailure: "cannot host")]);
        var arn = await CreateAsync();
        clock.Advance(TimeSpan.FromMinutes(1));
        await StatusAsync(arn);

        await training.StartVersionAsync(arn, 1, default);
        clock.Advance(training.StartTime);
        var version = await training.DescribeVersionAsync(arn, default);

        Assert.Equal((LocalModelTraining.Failed, "cannot host"), (version!.Status, version.StatusMessage));
    }

    [Fact]
    public async Task It_refuses_what_Rekognition_refuses()
    {
        ScriptedTrainer.Save(folder["plan.json"], [new LocalPlannedVersion(F1: 0.9)]);
        var arn = await CreateAsync();

        var duplicate = await Assert.ThrowsAsync<PortException>(() => CreateAsync());
        var startWhileTraining = await Assert.ThrowsAsync<PortException>(() => training.StartVersionAsync(arn, 1, default));
        var stopWhileTraining = await Assert.ThrowsAsync<PortException>(() => training.StopVersionAsync(arn, default));
        var noUnits = await Assert.ThrowsAsync<PortException>(() => training.StartVersionAsync(arn, 0, default));
        var unknown = await Assert.ThrowsAsync<PortException>(() => training.StartVersionAsync(arn + "x", 1, default));
        var missingManifest = await Assert.ThrowsAsync<PortException>(() => training.CreateVersionAsync(Project, "v2", new S3ObjectRef("bkt", "nope"), manifest, manifest, default));

        Assert.Equal(
            [PortFailure.Conflict, PortFailure.Conflict, PortFailure.Conflict, PortFailure.Invalid, PortFailure.NotFound, PortFailure.Invalid],
            new[] { duplicate, startWhileTraining, stopWhileTraining, noUnits, unknown, missingManifest }.Select(e => e.Failure));
        Assert.Null(await training.DescribeVersionAsync(arn + "x", default));
    }

    [Fact]
    public async Task The_trainer_is_given_both_manifests_and_the_versions_sequence()
    {
        var trainer = new RecordingTrainer();
        using var custom = new LocalModelTraining(folder["custom"], objects, trainer, new ClockTimeProvider(clock));

        await custom.CreateVersionAsync(Project, "a", manifest, manifest, manifest, default);
        await custom.CreateVersionAsync(Project, "b", manifest, manifest, manifest, default);

        Assert.Equal([(1, "a", "{}\n"), (2, "b", "{}\n")], trainer.Jobs.Select(j => (j.Sequence, j.VersionName, j.TrainingManifest)));
    }

    private sealed class RecordingTrainer : ILocalTrainer
    {
        public List<LocalTrainingJob> Jobs { get; } = [];

        public Task<LocalTrainingResult> TrainAsync(LocalTrainingJob job, CancellationToken cancellationToken)
        {
            Jobs.Add(job);
            return Task.FromResult(new LocalTrainingResult(true, null, 0.5, new Dictionary<string, IReadOnlyList<LocalLabel>>(), null, TimeSpan.FromMinutes(1)));
        }
    }
}
