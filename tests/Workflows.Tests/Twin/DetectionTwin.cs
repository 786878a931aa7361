using System.Text.Json.Nodes;
using ContinuousImprovement.Asl.Runtime;
using ContinuousImprovement.Asl.Tasks;
using ContinuousImprovement.Core.Events;
using ContinuousImprovement.Core.Parameters;
using ContinuousImprovement.Core.Ports;
using ContinuousImprovement.Core.State;
using ContinuousImprovement.Handlers;
using ContinuousImprovement.Handlers.Detection;
using ContinuousImprovement.Handlers.Invocation;
using ContinuousImprovement.Local.Adapters;

namespace ContinuousImprovement.Workflows.Tests.Twin;

/// <summary>
/// The detection workflow as the twin will run it: the real <c>statemachine/detection.asl.json</c> on the engine
/// with virtual time, every handler from the catalog, every port a local adapter over a temp folder, and the
/// parameters CDK would create (the catalog defaults). One port can be made faulty for the fault matrix.
/// </summary>
internal sealed class DetectionTwin : IDisposable
{
    public const string Bucket = "ci-uploads";
    public const string ServingArn = "arn:aws:rekognition:us-east-1:123456789012:project/ci/version/ci.2026-02-01/1769904000000";

    /// <summary>The start of a PNG file: what Rekognition (and the local runtime) check first.</summary>
    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3];

    public static readonly IReadOnlyList<LocalLabel> Confident = [new("cat", 97.53), new("dog", 2.11)];
    public static readonly IReadOnlyList<LocalLabel> Uncertain = [new("cat", 41.7), new("dog", 38.2)];

    private readonly TempFolder folder = new();
    private readonly StateMachine machine;
    private readonly AslEngine engine;

    private DetectionTwin(FaultPlan? fault)
    {
        var time = new ClockTimeProvider(Clock);
        Objects = new FolderObjectStore(folder["buckets"], time);
        Parameters = new FileParameterStore(folder["parameters.json"], time);
        Inferences = new SqliteInferenceLog(folder["inference-log.db"]);
        Reviews = new LocalHumanReview(folder["reviews"], time);
        Outbox = new JsonlOutbox(folder["outbox.jsonl"]);
        Digest = new JsonlNotificationDigest(folder["digest.jsonl"]);
        ModelsFolder = folder["models"];
        Models = new LocalModelRuntime(ModelsFolder, Objects);
        Ports = new Ports(
            Faulty<IObjectStore>(Objects, fault),
            Faulty<IParameterStore>(Parameters, fault),
            Faulty<IModelRuntime>(Models, fault),
            Faulty<IInferenceLog>(Inferences, fault),
            Faulty<IHumanReview>(Reviews, fault),
            Faulty<INotifier>(Outbox, fault),
            Faulty<INotificationDigest>(Digest, fault),
            time);

        var registry = new TaskRegistry();
        var substitutions = CatalogTaskHandler.Register(registry, new HandlerCatalog(Ports), DetectionWorkflow.Functions);
        machine = StateMachine.Load(File.ReadAllText(RepositoryPaths.InRepository(DetectionWorkflow.DefinitionFile)), "Detection", registry, substitutions);
        engine = new AslEngine(new AslEngineOptions { Clock = Clock });
    }

    public VirtualClock Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.Zero));

    public FolderObjectStore Objects { get; }

    public FileParameterStore Parameters { get; }

    public SqliteInferenceLog Inferences { get; }

    public LocalHumanReview Reviews { get; }

    public JsonlOutbox Outbox { get; }

    public JsonlNotificationDigest Digest { get; }

    public LocalModelRuntime Models { get; }

    public string ModelsFolder { get; }

    /// <summary>The ports the handlers see (the faulty one included).</summary>
    public Ports Ports { get; }

    public static ParameterCatalog Catalog => ParameterCatalog.Default;

    public DateOnly Today => DateOnly.FromDateTime(Clock.Now.UtcDateTime);

    /// <summary>A twin with every catalog parameter at its default, as CDK creates them, and no model serving.</summary>
    public static async Task<DetectionTwin> StartAsync(FaultPlan? fault = null)
    {
        var twin = new DetectionTwin(fault);
        foreach (var parameter in Catalog.Parameters)
        {
            await twin.Parameters.PutAsync(Catalog.FullName(parameter.Name), parameter.Default, CancellationToken.None);
        }

        return twin;
    }

    public Task SetAsync(string parameter, string value) =>
        Parameters.PutAsync(Catalog.FullName(parameter), value, CancellationToken.None);

    public Task SetStateAsync(SystemState state) =>
        Parameters.PutAsync(Catalog.FullName(Catalog.SystemParameter.Name), SystemStateDocument.Serialize(state), CancellationToken.None);

    /// <summary>
    /// Makes <see cref="ServingArn"/> the serving version (system parameter) with these predictions by file name;
    /// any other image gets <paramref name="otherwise"/> (default: <see cref="Confident"/>).
    /// </summary>
    public Task ServeAsync(IReadOnlyDictionary<string, IReadOnlyList<LocalLabel>>? predictions = null, IReadOnlyList<LocalLabel>? otherwise = null, string status = LocalModelRuntime.Running, IReadOnlyDictionary<string, string>? lastGood = null)
    {
        LocalModelRuntime.Save(ModelsFolder, new LocalModelVersion(ServingArn, status, predictions ?? new Dictionary<string, IReadOnlyList<LocalLabel>>(), otherwise ?? Confident));
        return SetStateAsync(SystemState.Initial with
        {
            Serving = new ServingVersion(ServingArn, 0.91, Clock.Now.AddDays(-1)),
            LastGoodParameters = lastGood ?? new Dictionary<string, string>(),
        });
    }

    public Task<StoredObject> UploadAsync(string key, byte[]? body = null, IReadOnlyDictionary<string, string>? metadata = null) =>
        Objects.PutAsync(Bucket, key, body ?? Png, "image/png", metadata, CancellationToken.None);

    /// <summary>The EventBridge "Object Created" event S3 sends for a stored object (the documented example, key URL-encoded).</summary>
    public static string EventFor(StoredObject stored) =>
        EventFor(stored.Ref.Bucket, S3KeyEncoding.Encode(stored.Ref.Key), stored.Ref.ETag, stored.Ref.VersionId, stored.Size);

    /// <summary>The documented example event with this bucket and this key exactly as given (already encoded).</summary>
    public static string EventFor(string bucket, string encodedKey, string? etag = "d41d8cd98f00b204e9800998ecf8427e", string? versionId = null, long size = 0)
    {
        var node = JsonNode.Parse(File.ReadAllText(RepositoryPaths.SharedAws("events", "s3-eventbridge-object-created.json")))!;
        node["resources"] = new System.Text.Json.Nodes.JsonArray($"arn:aws:s3:::{bucket}");
        node["detail"]!["bucket"]!["name"] = bucket;
        var obj = node["detail"]!["object"]!.AsObject();
        obj["key"] = encodedKey;
        obj["size"] = size;
        obj.Remove("etag");
        obj.Remove("version-id");
        if (etag is not null)
        {
            obj["etag"] = etag;
        }

        if (versionId is not null)
        {
            obj["version-id"] = versionId;
        }

        return node.ToJsonString();
    }

    public async Task<DetectionRun> DetectAsync(StoredObject stored) => await RunAsync(EventFor(stored));

    public async Task<DetectionRun> RunAsync(string eventJson) =>
        new(await engine.RunAsync(machine, Asl.Json.JsonValue.Parse(eventJson)));

    public void Dispose()
    {
        Objects.Dispose();
        Parameters.Dispose();
        folder.Dispose();
    }

    private static T Faulty<T>(T port, FaultPlan? fault)
        where T : class =>
        fault is not null && fault.Port == typeof(T) ? FaultyPort<T>.Wrap(port, fault) : port;
}
