using System.Text.Json.Nodes;
using ContinuousImprovement.Core.Events;
using ContinuousImprovement.Core.Ports;
using ContinuousImprovement.Core.State;
using ContinuousImprovement.Local.Adapters;

namespace ContinuousImprovement.Workflows.Tests.Twin;

/// <summary>
/// The detection workflow as the twin will run it (the real <c>statemachine/detection.asl.json</c>, see
/// <see cref="WorkflowTwin"/>), plus what detection tests need: a serving model, uploads and their S3 events.
/// </summary>
internal sealed class DetectionTwin : WorkflowTwin
{
    public static readonly IReadOnlyList<LocalLabel> Confident = [new("cat", 97.53), new("dog", 2.11)];
    public static readonly IReadOnlyList<LocalLabel> Uncertain = [new("cat", 41.7), new("dog", 38.2)];

    private DetectionTwin(PortFault? fault) => Connect(TwinWorkflow.Detection, fault);

    /// <summary>A twin with every catalog parameter at its default, as CDK creates them, and no model serving.</summary>
    public static Task<DetectionTwin> StartAsync(PortFault? fault = null) => WithDefaultsAsync(new DetectionTwin(fault));

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

    public async Task<DetectionRun> RunAsync(string eventJson) => new(await ExecuteAsync(eventJson));
}
