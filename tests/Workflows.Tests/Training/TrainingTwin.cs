using System.Text.Json.Nodes;
using ContinuousImprovement.Core.Manifests;
using ContinuousImprovement.Core.Ports;
using ContinuousImprovement.Core.State;
using ContinuousImprovement.Core.Storage;
using ContinuousImprovement.Core.Training;
using ContinuousImprovement.Local.Adapters;
using ContinuousImprovement.Workflows.Tests.Twin;

namespace ContinuousImprovement.Workflows.Tests.Training;

/// <summary>
/// The training workflow as the twin will run it (the real <c>statemachine/training.asl.json</c>, see
/// <see cref="WorkflowTwin"/>): model versions from <see cref="LocalModelTraining"/> with a scripted plan, answering
/// detections by image file name, the catalog defaults with Minimum-Untrained-Images 10, and a
/// <see cref="ServingWatch"/> on the serving invariant, below any fault.
/// </summary>
internal sealed class TrainingTwin : WorkflowTwin
{
    public const string ProjectArn = "arn:aws:rekognition:us-east-1:123456789012:project/ci/1769000000000";

    private readonly List<LocalPlannedVersion> plan = [];
    private int labeled;

    private TrainingTwin(PortFault? fault, Func<IParameterStore, IParameterStore>? parameters, Func<IModelTraining, IModelTraining>? training)
        : base(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero))
    {
        PlanFile = InFolder("training-plan.json");
        Training = new LocalModelTraining(ModelsFolder, Objects, new ScriptedTrainer(PlanFile), Time);
        Watch = new ServingWatch(Training, Parameters, Catalog);
        var watched = Watch.Watch(Training);
        Connect(TwinWorkflow.Training, fault, p => Watch.Watch(parameters?.Invoke(p) ?? p), training?.Invoke(watched) ?? watched);
    }

    public LocalModelTraining Training { get; }

    public ServingWatch Watch { get; }

    public string PlanFile { get; }

    /// <summary>
    /// A twin with the catalog defaults (Minimum-Untrained-Images 10), nothing labeled and no model serving;
    /// <paramref name="parameters"/> and <paramref name="training"/> decorate those ports between the watch and the fault.
    /// </summary>
    public static async Task<TrainingTwin> StartAsync(PortFault? fault = null, Func<IParameterStore, IParameterStore>? parameters = null, Func<IModelTraining, IModelTraining>? training = null)
    {
        var twin = await WithDefaultsAsync(new TrainingTwin(fault, parameters, training));
        await twin.SetAsync("Minimum-Untrained-Images", "10");
        return twin;
    }

    /// <summary>The system parameter's state; the initial state when there is none.</summary>
    public async Task<SystemState> StateAsync() => await ReadStateAsync() is { } read ? read.State! : SystemState.Initial;

    /// <summary>Appends planned outcomes for the next versions the workflow creates.</summary>
    public void Plan(params LocalPlannedVersion[] versions)
    {
        plan.AddRange(versions);
        ScriptedTrainer.Save(PlanFile, plan);
    }

    /// <summary>The label of the <paramref name="n"/>-th labeled image (1-based): cat for even, dog for odd.</summary>
    public static string LabelOf(int n) => n % 2 == 0 ? "cat" : "dog";

    /// <summary>The file name of the <paramref name="n"/>-th labeled image, by which scripted versions answer.</summary>
    public static string FileNameOf(int n) => $"img-{n:D4}.png";

    /// <summary>Scripted answers that are right about images 1 to <paramref name="count"/> (95 for the true label, 5 for the other).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<LocalLabel>> RightAbout(int count) =>
        Enumerable.Range(1, count).ToDictionary(
            FileNameOf,
            n => (IReadOnlyList<LocalLabel>)[new(LabelOf(n), 95.0), new(LabelOf(n + 1), 5.0)]);

    /// <summary>Files <paramref name="count"/> more labeled images, alternating cat and dog.</summary>
    public async Task LabelAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var n = ++labeled;
            await Objects.PutAsync(Bucket, $"{BucketLayout.LabeledImages}{LabelOf(n)}/{FileNameOf(n)}", Png, "image/png", null, CancellationToken.None);
        }
    }

    /// <summary>
    /// Makes a version with this F1 RUNNING and serving, trained on the images labeled so far, as an earlier
    /// deployment would have left it (it takes the next planned outcome). It answers <paramref name="predictions"/>
    /// by file name and "cat" (91) for any other image, so by default its F1 on a test set of cats and dogs is below 0.5.
    /// </summary>
    public async Task<string> SeedServingAsync(double f1, IReadOnlyDictionary<string, IReadOnlyList<LocalLabel>>? predictions = null)
    {
        Plan(new LocalPlannedVersion(F1: f1, TrainingMinutes: 1, Predictions: predictions, Otherwise: [new("cat", 91.0), new("dog", 9.0)]));
        var manifest = new S3ObjectRef(Bucket, "manifests/seed/train.manifest");
        await Objects.PutAsync(Bucket, manifest.Key, "{}\n"u8.ToArray(), "application/x-jsonlines", null, CancellationToken.None);
        var arn = await Training.CreateVersionAsync(ProjectArn, "ci-seed", manifest, manifest, new S3ObjectRef(Bucket, "manifests/seed/output/"), CancellationToken.None);
        Clock.Advance(TimeSpan.FromMinutes(2));
        await Training.DescribeVersionAsync(arn, CancellationToken.None);
        await Training.StartVersionAsync(arn, 1, CancellationToken.None);
        Clock.Advance(TimeSpan.FromMinutes(10));
        await Training.DescribeVersionAsync(arn, CancellationToken.None);
        var state = await StateAsync();
        await SetStateAsync(state with
        {
            Serving = new ServingVersion(arn, f1, Clock.Now),
            LastSuccessfulTraining = new SuccessfulTraining(Clock.Now, labeled, arn),
        });
        Watch.Seed(arn);
        Clock.Advance(TimeSpan.FromHours(1));
        return arn;
    }

    public async Task<TrainingRun> RunAsync(bool retry = false, int? maxPolls = null)
    {
        var input = new JsonObject { ["bucket"] = Bucket, ["projectArn"] = ProjectArn };
        if (retry)
        {
            input["retry"] = true;
        }

        if (maxPolls is { } max)
        {
            input["maxPolls"] = max;
        }

        var execution = await ExecuteAsync(input.ToJsonString());
        Clock.Advance(TimeSpan.FromHours(1));
        return new TrainingRun(execution);
    }

    /// <summary>The images of the run's test manifest with their true labels, in manifest order.</summary>
    public async Task<IReadOnlyList<RescoringImage>> TestImagesAsync(TrainingRun run)
    {
        Assert.True(S3Uri.TryParse(run.Output.GetProperty("candidate").GetProperty("testManifest").GetString(), out var manifest));
        var content = await Objects.GetAsync(manifest.Bucket, manifest.Key, CancellationToken.None);
        return GroundTruthManifest.Read(System.Text.Encoding.UTF8.GetString(content!.Body.Span)).Entries.Select(e => new RescoringImage(e.Image, Assert.Single(e.Labels))).ToList();
    }

    public async Task<string?> StatusOfAsync(string arn) => (await Training.DescribeVersionAsync(arn, CancellationToken.None))?.Status;

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Training.Dispose();
        }

        base.Dispose(disposing);
    }
}
