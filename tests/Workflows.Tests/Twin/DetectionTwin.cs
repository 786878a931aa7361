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
/// The detection workflow as the twin will run it (the real <c>statemachine/detection.asl.json</c> on a
/// <see cref="WorkflowTwin"/>), plus what detection tests need: a serving model, uploads and their S3 events.
/// </summary>
internal sealed class DetectionTwin : IDisposable
{
    public const string Bucket = WorkflowTwin.Bucket;
    public const string ServingArn = "arn:aws:rekognition:us-east-1:123456789012:project/ci/version/ci.2026-02-01/1769904000000";

    /// <summary>The start of a PNG file: what Rekognition (and the local runtime) check first.</summary>
    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3];

    public static readonly IReadOnlyList<LocalLabel> Confident = [new("cat", 97.53), new("dog", 2.11)];
    public static readonly IReadOnlyList<LocalLabel> Uncertain = [new("cat", 41.7), new("dog", 38.2)];

    private readonly WorkflowTwin twin;

    private DetectionTwin(WorkflowTwin twin) => this.twin = twin;

    public VirtualClock Clock => twin.Clock;

    public FolderObjectStore Objects => twin.Objects;

    public FileParameterStore Parameters => twin.Parameters;

    public SqliteInferenceLog Inferences => twin.Inferences;

    public LocalHumanReview Reviews => twin.Reviews;

    public JsonlOutbox Outbox => twin.Outbox;

    public JsonlNotificationDigest Digest => twin.Digest;

    public LocalModelRuntime Models => twin.Models;

    public string ModelsFolder => twin.ModelsFolder;

    /// <summary>The ports the handlers see (the faulty one included).</summary>
    public Ports Ports => twin.Ports;

    public static ParameterCatalog Catalog => WorkflowTwin.Catalog;

    public DateOnly Today => DateOnly.FromDateTime(Clock.Now.UtcDateTime);

    /// <summary>A twin with every catalog parameter at its default, as CDK creates them, and no model serving.</summary>
    public static async Task<DetectionTwin> StartAsync(FaultPlan? fault = null) =>
        new(await WorkflowTwin.StartAsync(DetectionWorkflow.DefinitionFile, DetectionWorkflow.Functions, fault));

    public Task SetAsync(string parameter, string value) => twin.SetAsync(parameter, value);

    public Task SetStateAsync(SystemState state) => twin.SetStateAsync(state);

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

    public async Task<DetectionRun> RunAsync(string eventJson) => new((await twin.RunAsync(eventJson)).Execution);

    public void Dispose() => twin.Dispose();
}
