using System.Text.Json.Nodes;
using ContinuousImprovement.Core.Ports;
using ContinuousImprovement.Core.Sampling;
using ContinuousImprovement.Core.Storage;
using ContinuousImprovement.Workflows.Tests.Twin;

namespace ContinuousImprovement.Workflows.Tests.ReviewFiling;

/// <summary>
/// The review-filing workflow on the twin, with helpers that make the real event shapes: an uploaded and detected
/// image, a review output written from the A2I examples in shared/aws, the S3 event for it, and A2I status events.
/// </summary>
internal sealed class ReviewFilingTwin : WorkflowTwin
{
    public const string ImageKey = "images_for_detection/inference-image-1.png";
    public const string Loop = "ci-review-0123456789abcdef";

    private ReviewFilingTwin(PortFault? fault) => Connect(TwinWorkflow.ReviewFiling, fault);

    /// <summary>A twin with the catalog defaults and, unless <paramref name="upload"/> is false, <see cref="ImageKey"/> uploaded and detected.</summary>
    public static async Task<ReviewFilingTwin> StartAsync(PortFault? fault = null, bool upload = true)
    {
        var twin = await WithDefaultsAsync(new ReviewFilingTwin(fault));
        if (upload)
        {
            await twin.UploadAndLogAsync(ImageKey);
        }

        return twin;
    }

    /// <summary>Uploads a PNG and logs the model's prediction for it, as detection would have.</summary>
    public async Task<StoredObject> UploadAndLogAsync(string key, byte[]? body = null)
    {
        var stored = await Objects.PutAsync(Bucket, key, body ?? Png, "image/png", null, default);
        await Inferences.RecordAsync(
            new InferenceRecord(key, ServingArn, new Prediction([new LabelConfidence("amazon_logo", 41.7), new LabelConfidence("aws_logo", 38.2)]), true, ["below-threshold"], Loop, Clock.Now),
            default);
        return stored;
    }

    /// <summary>
    /// An output document from a shared A2I example with this loop, image and these answers (each answer one
    /// single-select label; null: keep the example's answers).
    /// </summary>
    public static string Output(string example = "a2i-output-crowd-image-classifier.SYNTHESIZED.json", string loop = Loop, string imageKey = ImageKey, params string[]? labels)
    {
        var node = JsonNode.Parse(File.ReadAllText(RepositoryPaths.SharedAws("events", example)))!;
        node["humanLoopName"] = loop;
        if (node["inputContent"] is JsonObject input && input.ContainsKey("taskObject"))
        {
            input["taskObject"] = S3Uri.Format(Bucket, imageKey);
        }

        if (labels is { Length: > 0 })
        {
            var answers = new JsonArray();
            foreach (var (label, i) in labels.Select((l, i) => (l, i)))
            {
                answers.Add(new JsonObject
                {
                    ["answerContent"] = new JsonObject { ["crowd-image-classifier"] = new JsonObject { ["label"] = label } },
                    ["submissionTime"] = "2026-03-02T09:00:00.000Z",
                    ["workerId"] = $"worker-{i}",
                });
            }

            node["humanAnswers"] = answers;
        }

        return node.ToJsonString();
    }

    public static string OutputKey(string loop = Loop) => $"{BucketLayout.ReviewOutput}flow-def/2026/03/02/09/00/00/{loop}/output.json";

    public Task<StoredObject> WriteOutputAsync(string json, string loop = Loop) =>
        Objects.PutAsync(Bucket, OutputKey(loop), System.Text.Encoding.UTF8.GetBytes(json), "application/json", null, default);

    /// <summary>The S3 Object Created event for the output document.</summary>
    public static string CreatedEvent(StoredObject output) => DetectionTwin.EventFor(output);

    /// <summary>An A2I status event from the shared examples, pointing at this loop's output under the product's bucket.</summary>
    public static string StatusEvent(string status, string loop = Loop)
    {
        var file = status switch
        {
            "Failed" => "a2i-humanloop-status-change.failed.SYNTHESIZED.json",
            "Stopped" => "a2i-humanloop-status-change.stopped.SYNTHESIZED.json",
            _ => "a2i-humanloop-status-change.json",
        };
        var node = JsonNode.Parse(File.ReadAllText(RepositoryPaths.SharedAws("events", file)))!;
        var detail = node["detail"]!.AsObject();
        detail["humanLoopName"] = loop;
        detail["humanLoopArn"] = $"arn:aws:sagemaker:us-east-1:111111111111:human-loop/{loop}";
        detail["humanLoopStatus"] = status;
        if (detail["humanLoopOutput"] is JsonObject output)
        {
            output["outputS3Uri"] = S3Uri.Format(Bucket, OutputKey(loop));
        }

        return node.ToJsonString();
    }

    public async Task<WorkflowRun> RunAsync(string eventJson) => new(await ExecuteAsync(eventJson));

    /// <summary>Every key under images_labeled_by_folder/.</summary>
    public async Task<List<string>> LabeledKeysAsync()
    {
        var keys = new List<string>();
        await foreach (var stored in Objects.ListAsync(Bucket, BucketLayout.LabeledImages, default))
        {
            keys.Add(stored.Ref.Key);
        }

        return keys;
    }

    /// <summary>Every key in the bucket.</summary>
    public async Task<List<string>> AllKeysAsync()
    {
        var keys = new List<string>();
        await foreach (var stored in Objects.ListAsync(Bucket, "", default))
        {
            keys.Add(stored.Ref.Key);
        }

        return keys;
    }

    public async Task<string?> HumanLabelAsync(string key = ImageKey) =>
        (await Inferences.AllAsync(default)).Where(r => r.Record.ImageKey == key).OrderBy(r => r.Sequence).LastOrDefault().Record?.HumanLabel;

    public IReadOnlyList<string> Mailed() => Outbox.Published().Select(n => n.Kind).ToList();

    public IReadOnlyList<string> Digested() => Digest.Pending().Select(n => n.Kind).ToList();
}
