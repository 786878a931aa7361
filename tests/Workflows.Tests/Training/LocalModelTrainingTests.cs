using ContinuousImprovement.Asl.Runtime;
using ContinuousImprovement.Core.Ports;
using ContinuousImprovement.Core.Storage;
using ContinuousImprovement.Core.Training;
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

    [Fact]
    public async Task A_trained_model_is_stored_next_to_the_versions_record_and_is_what_the_runtime_runs_once_started()
    {
        var predictor = new RecordingPredictor();
        using var custom = new LocalModelTraining(folder["custom"], objects, new FixedTrainer(Trained), new ClockTimeProvider(clock));
        var arn = await custom.CreateVersionAsync(Project, "m1", manifest, manifest, manifest, default);
        clock.Advance(TimeSpan.FromMinutes(20));
        var completed = await custom.DescribeVersionAsync(arn, default);
        await custom.StartVersionAsync(arn, 1, default);
        clock.Advance(custom.StartTime);
        var record = await custom.DescribeLocalVersionAsync(arn, default);

        var prediction = await new LocalModelRuntime(folder["custom"], objects, predictor).DetectAsync(arn, new S3ObjectRef("bkt", "images_for_detection/a.png"), 0, default);

        var modelFile = Path.Combine("versions", Uri.EscapeDataString(arn) + ".model");
        Assert.Equal((LocalModelTraining.TrainingCompleted, (double?)0.75), (completed!.Status, completed.F1));
        Assert.Equal((LocalModelTraining.Running, modelFile), (record!.Status, record.ModelFile));
        Assert.Equal(Trained.LabelScores, record.LabelScores);
        Assert.Equal([7, 8, 9], File.ReadAllBytes(Path.Combine(folder["custom"], modelFile)));
        Assert.Equal(Path.Combine(folder["custom"], modelFile), predictor.Paths.Single());
        Assert.Equal("cat", prediction.Top!.Label);
    }

    [Fact]
    public async Task A_failed_training_keeps_neither_model_nor_scores()
    {
        using var custom = new LocalModelTraining(folder["custom"], objects, new FixedTrainer(Trained with { Succeeded = false, StatusMessage = "one label" }), new ClockTimeProvider(clock));
        var arn = await custom.CreateVersionAsync(Project, "m1", manifest, manifest, manifest, default);
        clock.Advance(TimeSpan.FromMinutes(20));

        var record = await custom.DescribeLocalVersionAsync(arn, default);

        Assert.Equal((LocalModelTraining.TrainingFailed, "one label", null, null, null), (record!.Status, record.StatusMessage, record.F1, record.ModelFile, record.LabelScores));
        Assert.False(Directory.EnumerateFiles(Path.Combine(folder["custom"], "versions"), "*.model").Any());
    }

    [Fact]
    public async Task A_version_trained_elsewhere_is_completed_at_once_and_starts_like_any_other()
    {
        var arn = await training.AddTrainedVersionAsync(Project, "seed", Trained, default);
        var added = await training.DescribeVersionAsync(arn, default);
        await training.StartVersionAsync(arn, 1, default);
        clock.Advance(training.StartTime);

        Assert.Equal((LocalModelTraining.TrainingCompleted, "ready", (double?)0.75), (added!.Status, added.StatusMessage, added.F1));
        Assert.Equal(LocalModelTraining.Running, await StatusAsync(arn));
        Assert.StartsWith($"{Project[..Project.LastIndexOf('/')]}/version/seed/", arn, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_version_trained_elsewhere_is_refused_what_a_created_one_is()
    {
        await training.AddTrainedVersionAsync(Project, "seed", Trained, default);

        var taken = await Assert.ThrowsAsync<PortException>(() => training.AddTrainedVersionAsync(Project, "seed", Trained, default));
        var unnamed = await Assert.ThrowsAsync<PortException>(() => training.AddTrainedVersionAsync(Project, " ", Trained, default));

        Assert.Equal((PortFailure.Conflict, PortFailure.Invalid), (taken.Failure, unnamed.Failure));
    }

    [Fact]
    public async Task Versions_their_scores_and_models_outlive_the_adapter()
    {
        var arn = await training.AddTrainedVersionAsync(Project, "seed", Trained, default);
        var before = await training.DescribeLocalVersionAsync(arn, default);

        using var later = new LocalModelTraining(folder["models"], objects, new ScriptedTrainer(folder["plan.json"]), new ClockTimeProvider(clock));
        var after = await later.DescribeLocalVersionAsync(arn, default);

        Assert.Equal((before!.Status, before.F1, before.ModelFile), (after!.Status, after.F1, after.ModelFile));
        Assert.Equal(before.LabelScores, after.LabelScores);
        Assert.Equal([7, 8, 9], File.ReadAllBytes(Path.Combine(folder["models"], after.ModelFile!)));
    }

    private static readonly LocalTrainingResult Trained = new(
        true,
        "ready",
        0.75,
        new Dictionary<string, IReadOnlyList<LocalLabel>>(),
        [new("never", 100)],
        TimeSpan.FromMinutes(20),
        Model: new byte[] { 7, 8, 9 },
        LabelScores: [new LabelMetrics("cat", 4, 3, 1, 1, 0.75, 0.75, 0.75), new LabelMetrics("dog", 4, 3, 1, 1, 0.75, 0.75, 0.75)]);

    private sealed class FixedTrainer(LocalTrainingResult result) : ILocalTrainer
    {
        public Task<LocalTrainingResult> TrainAsync(LocalTrainingJob job, CancellationToken cancellationToken) => Task.FromResult(result);
    }

    private sealed class RecordingPredictor : ILocalPredictor
    {
        public List<string> Paths { get; } = [];

        public IReadOnlyList<LocalLabel>? Predict(string modelPath, ReadOnlySpan<byte> image)
        {
            Paths.Add(modelPath);
            return [new("cat", 90), new("dog", 10)];
        }
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
