using System.Text.Json.Nodes;
using ContinuousImprovement.Asl.Runtime;
using ContinuousImprovement.Asl.Tasks;
using ContinuousImprovement.Core.Audit;
using ContinuousImprovement.Core.Parameters;
using ContinuousImprovement.Core.Ports;
using ContinuousImprovement.Core.Sampling;
using ContinuousImprovement.Handlers;
using ContinuousImprovement.Handlers.AuditSampling;
using ContinuousImprovement.Handlers.Invocation;
using ContinuousImprovement.Local.Adapters;
using ContinuousImprovement.Workflows.Tests.Twin;

namespace ContinuousImprovement.Workflows.Tests.AuditSampling;

/// <summary>
/// The audit-sampling workflow as the twin will run it: the real <c>statemachine/audit-sampling.asl.json</c> on the
/// engine with virtual time, every handler from the catalog, every port a local adapter over a temp folder, the catalog
/// defaults with audit sampling switched on. Detections are logged straight into the inference log (their images
/// uploaded), as the detection workflow leaves them. One port method can be made faulty, and healed for the next run.
/// </summary>
internal sealed class AuditTwin : IDisposable
{
    public const string Bucket = "ci-uploads";
    public const string ModelArn = "arn:aws:rekognition:us-east-1:123456789012:project/ci/version/ci.2026-02-01/1769904000000";

    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3];

    private readonly TempFolder folder = new();
    private readonly StateMachine machine;
    private readonly AslEngine engine;

    private AuditTwin(PortFault? fault)
    {
        var time = new ClockTimeProvider(Clock);
        Objects = new FolderObjectStore(folder["buckets"], time);
        Parameters = new FileParameterStore(folder["parameters.json"], time);
        Inferences = new SqliteInferenceLog(folder["inference-log.db"]);
        Reviews = new LocalHumanReview(folder["reviews"], time);
        Outbox = new JsonlOutbox(folder["outbox.jsonl"]);
        Digest = new JsonlNotificationDigest(folder["digest.jsonl"]);
        Ports = new Ports(
            FaultyMethod<IObjectStore>.Wrap(Objects, fault),
            FaultyMethod<IParameterStore>.Wrap(Parameters, fault),
            new LocalModelRuntime(folder["models"], Objects),
            FaultyMethod<IInferenceLog>.Wrap(Inferences, fault),
            FaultyMethod<IHumanReview>.Wrap(Reviews, fault),
            FaultyMethod<INotifier>.Wrap(Outbox, fault),
            FaultyMethod<INotificationDigest>.Wrap(Digest, fault),
            time)
        {
            Leases = new SqliteLeases(folder["leases.db"]),
        };

        var registry = new TaskRegistry();
        var substitutions = CatalogTaskHandler.Register(registry, new HandlerCatalog(Ports), AuditSamplingWorkflow.Functions);
        machine = StateMachine.Load(File.ReadAllText(RepositoryPaths.InRepository(AuditSamplingWorkflow.DefinitionFile)), "AuditSampling", registry, substitutions);
        engine = new AslEngine(new AslEngineOptions { Clock = Clock });
    }

    public VirtualClock Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.Zero));

    public FolderObjectStore Objects { get; }

    public FileParameterStore Parameters { get; }

    public SqliteInferenceLog Inferences { get; }

    public LocalHumanReview Reviews { get; }

    public JsonlOutbox Outbox { get; }

    public JsonlNotificationDigest Digest { get; }

    public Ports Ports { get; }

    public static ParameterCatalog Catalog => ParameterCatalog.Default;

    public DateOnly Today => DateOnly.FromDateTime(Clock.Now.UtcDateTime);

    /// <summary>The loops waiting for a reviewer.</summary>
    public IReadOnlyList<OpenLoop> Loops => Reviews.OpenLoops();

    /// <summary>A twin with the catalog defaults, audit sampling switched on every <paramref name="interval"/>-th confident detection.</summary>
    public static async Task<AuditTwin> StartAsync(int interval = 3, PortFault? fault = null)
    {
        var twin = new AuditTwin(fault);
        foreach (var parameter in Catalog.Parameters)
        {
            await twin.Parameters.PutAsync(Catalog.FullName(parameter.Name), parameter.Default, CancellationToken.None);
        }

        await twin.SetAsync("Enable-Automatic-Human-Sampling", "true");
        await twin.SetAsync("Human-Sampling-Interval", interval.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return twin;
    }

    public Task SetAsync(string parameter, string value) =>
        Parameters.PutAsync(Catalog.FullName(parameter), value, CancellationToken.None);

    /// <summary>
    /// Uploads <c>images_for_detection/&lt;fileName&gt;</c> (unless <paramref name="upload"/> is false) and logs its detection
    /// <paramref name="ago"/> before now (default an hour, long settled) with a top confidence; <paramref name="sentBy"/> a
    /// sampling rule's reason sends it to a human as detection would. Returns its sequence number.
    /// </summary>
    public async Task<long> DetectedAsync(string fileName, double confidence = 97.5, string? sentBy = null, TimeSpan? ago = null, bool upload = true)
    {
        var key = "images_for_detection/" + fileName;
        if (upload)
        {
            await Objects.PutAsync(Bucket, key, Png.Concat(System.Text.Encoding.UTF8.GetBytes(fileName)).ToArray(), "image/png", null, CancellationToken.None);
        }

        var prediction = new Prediction([new LabelConfidence("cat", confidence), new LabelConfidence("dog", 100 - confidence)]);
        var at = Clock.Now - (ago ?? TimeSpan.FromHours(1));
        var sequence = await Inferences.RecordAsync(new InferenceRecord(key, ModelArn, prediction, false, [], null, at), CancellationToken.None);
        if (sentBy is not null)
        {
            await Inferences.RecordDecisionAsync(sequence, true, [sentBy], "loop-of-detection-" + sequence, CancellationToken.None);
        }

        return sequence;
    }

    /// <summary>Logs <paramref name="count"/> confident detections named <c>&lt;prefix&gt;-&lt;n&gt;.png</c>.</summary>
    public async Task<IReadOnlyList<long>> ConfidentAsync(int count, string prefix = "cat")
    {
        var numbers = new List<long>();
        for (var i = 1; i <= count; i++)
        {
            numbers.Add(await DetectedAsync($"{prefix}-{i}.png"));
        }

        return numbers;
    }

    public async Task<WorkflowRun> RunAsync(int? maxExamined = null, int? maxRounds = null, string bucket = Bucket)
    {
        var input = new JsonObject { ["bucket"] = bucket };
        if (maxExamined is { } examined)
        {
            input["maxExamined"] = examined;
        }

        if (maxRounds is { } rounds)
        {
            input["maxRounds"] = rounds;
        }

        return new WorkflowRun(await engine.RunAsync(machine, Asl.Json.JsonValue.Parse(input.ToJsonString())));
    }

    public Task<AuditCursor?> CursorAsync() => Inferences.AuditCursorAsync(CancellationToken.None);

    public Task<int> SlotsTodayAsync() => Inferences.HumanLoopsOnAsync(Today, CancellationToken.None);

    /// <summary>The logged records by sequence number.</summary>
    public async Task<IReadOnlyDictionary<long, InferenceRecord>> RecordsAsync() =>
        (await Inferences.AllAsync(CancellationToken.None)).ToDictionary(r => r.Sequence, r => r.Record);

    /// <summary>The image keys the open loops are for, sorted.</summary>
    public IReadOnlyList<string> LoopKeys() => [.. Loops.Select(l => l.Key).Order(StringComparer.Ordinal)];

    public void Dispose()
    {
        Objects.Dispose();
        Parameters.Dispose();
        folder.Dispose();
    }
}
