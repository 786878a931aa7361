using System.Text;
using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using Amazon.S3.Model;
using ContinuousImprovement.Aws.Adapters;
using ContinuousImprovement.Aws.Tests.Peers;
using ContinuousImprovement.Core.Ports;
using ContinuousImprovement.Core.Sampling;
using ContinuousImprovement.Host.Tests.Bootstrap;

namespace ContinuousImprovement.Host.Tests.Aot;

/// <summary>
/// Workflow handlers in the Native AOT <c>bootstrap</c>, invoked through the Runtime API, making real AWS SDK calls after
/// trimming: AWSSDK.S3 against s3rver and AWSSDK.DynamoDBv2 against dynalite, found through the standard
/// <c>AWS_ENDPOINT_URL_&lt;SERVICE&gt;</c> variables and signed with static credentials from the environment.
/// <c>AWS_ENDPOINT_URL</c> points every other service at a closed local port, so nothing can reach AWS, and a
/// service-specific variable that lost to it would fail the call.
/// </summary>
[Collection(AotBootstrapGroup.Name)]
[Trait("Cost", "Native AOT publish")]
public sealed class AotAwsPeersTests(S3rverFixture s3, DynaliteFixture dynamo) : IClassFixture<S3rverFixture>, IClassFixture<DynaliteFixture>
{
    private const string Bucket = S3rverFixture.Bucket;
    private const string ModelVersionArn = "arn:aws:rekognition:eu-west-1:111122223333:project/ci/version/ci.2026-11-26/1764145800000";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    // A real 4×3 RGB PNG (what an uploader puts under images_for_detection/).
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAQAAAADCAIAAAA7ljmRAAAAEElEQVR4nGM4oaEBRww4OQAHpg0hlLAT/AAAAABJRU5ErkJggg==");

    [Fact]
    public async Task Read_upload_in_the_AOT_bootstrap_heads_the_image_in_S3_and_takes_it_with_the_label_its_metadata_claims()
    {
        var folder = Guid.NewGuid().ToString("N");
        var key = $"images_for_detection/{folder}/tabby cat+1.png";
        var etag = await PutPngAsync(key, claimedLabel: "tabby cat");
        await using var host = await StartAsync("detection-read-upload", await dynamo.NewTableAsync());

        // S3 form-encodes keys in events: the handler must decode "tabby+cat%2B1.png" to find the object.
        var result = await host.Api.InvokeAsync(ObjectCreated($"images_for_detection/{folder}/tabby+cat%2B1.png", etag)).WaitAsync(Patience);

        Assert.False(result.IsError, Diagnostics(result, host));
        var read = result.Json;
        Assert.True(read.GetProperty("taken").GetBoolean());
        Assert.Equal(JsonValueKind.Null, read.GetProperty("reason").ValueKind);
        Assert.Equal("tabby cat", read.GetProperty("claimedLabel").GetString());
        var image = read.GetProperty("image");
        Assert.Equal(Bucket, image.GetProperty("bucket").GetString());
        Assert.Equal(key, image.GetProperty("key").GetString());
        Assert.Equal(etag, image.GetProperty("etag").GetString());
    }

    [Fact]
    public async Task Read_upload_in_the_AOT_bootstrap_tells_a_deleted_upload_and_a_replaced_one_from_what_S3_answers()
    {
        var folder = Guid.NewGuid().ToString("N");
        var stored = await PutPngAsync($"images_for_detection/{folder}/replaced.png", claimedLabel: null);
        await using var host = await StartAsync("detection-read-upload", await dynamo.NewTableAsync());

        var missing = await host.Api.InvokeAsync(ObjectCreated($"images_for_detection/{folder}/deleted.png", "0123456789abcdef0123456789abcdef")).WaitAsync(Patience);
        var replaced = await host.Api.InvokeAsync(ObjectCreated($"images_for_detection/{folder}/replaced.png", "fedcba9876543210fedcba9876543210")).WaitAsync(Patience);

        Assert.False(missing.IsError, Diagnostics(missing, host));
        Assert.False(missing.Json.GetProperty("taken").GetBoolean());
        Assert.Equal($"\"s3://{Bucket}/images_for_detection/{folder}/deleted.png\" no longer exists: it was deleted before it could be detected", missing.Json.GetProperty("reason").GetString());
        Assert.False(replaced.IsError, Diagnostics(replaced, host));
        Assert.False(replaced.Json.GetProperty("taken").GetBoolean());
        Assert.Contains($"replaced by a newer upload (ETag {stored}, not fedcba9876543210fedcba9876543210)", replaced.Json.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Log_inference_in_the_AOT_bootstrap_numbers_predictions_and_writes_them_to_DynamoDB_as_the_log_reads_them()
    {
        var table = await dynamo.NewTableAsync();
        await using var host = await StartAsync("detection-log-inference", table);

        var first = await host.Api.InvokeAsync(LogInference("images_for_detection/first.png", ("tabby cat", 91.5), ("dog", 8.25))).WaitAsync(Patience);
        var second = await host.Api.InvokeAsync(LogInference("images_for_detection/second.png", ("dog", 64))).WaitAsync(Patience);

        Assert.False(first.IsError, Diagnostics(first, host));
        Assert.False(second.IsError, Diagnostics(second, host));
        Assert.Equal(1, first.Json.GetProperty("sequenceNumber").GetInt64());
        Assert.Equal(2, second.Json.GetProperty("sequenceNumber").GetInt64());

        var item = (await dynamo.Client.GetItemAsync(new GetItemRequest
        {
            TableName = table,
            Key = new() { ["PK"] = new() { S = "IMAGE#images_for_detection/first.png" }, ["SK"] = new() { S = "SEQ#00000000000000000001" } },
            ConsistentRead = true,
        })).Item;
        Assert.NotNull(item);
        Assert.Equal("1", item["Seq"].N);
        Assert.Equal("images_for_detection/first.png", item["ImageKey"].S);
        Assert.Equal(ModelVersionArn, item["ModelVersionArn"].S);
        Assert.Equal("tabby cat", item["TopLabel"].S);
        Assert.Equal("91.5", item["TopConfidence"].N);
        Assert.Equal(["tabby cat:91.5", "dog:8.25"], item["Labels"].L.Select(l => $"{l.M["Label"].S}:{l.M["Confidence"].N}"));
        Assert.False(item["SentToHuman"].BOOL);
        var pointer = (await dynamo.Client.GetItemAsync(new GetItemRequest
        {
            TableName = table,
            Key = new() { ["PK"] = new() { S = "SEQ#2" }, ["SK"] = new() { S = "SEQ" } },
            ConsistentRead = true,
        })).Item;
        Assert.Equal("images_for_detection/second.png", pointer["ImageKey"].S);
    }

    [Fact]
    public async Task Detect_labels_in_the_AOT_bootstrap_calls_the_Rekognition_endpoint_its_variable_names_signed_for_the_region()
    {
        await using var rekognition = await FakeRekognition.StartAsync("""{"CustomLabels":[{"Name":"tabby cat","Confidence":97.25},{"Name":"dog","Confidence":2.5}]}""");
        await using var host = await StartAsync("detection-detect-labels", await dynamo.NewTableAsync(), ("AWS_ENDPOINT_URL_REKOGNITION", rekognition.Url.ToString()));
        var request = $$"""{"image":{"bucket":"{{Bucket}}","key":"images_for_detection/cat.png","versionId":null,"etag":"abc"},"modelVersionArn":"{{ModelVersionArn}}"}""";

        var result = await host.Api.InvokeAsync(Encoding.UTF8.GetBytes(request)).WaitAsync(Patience);

        Assert.False(result.IsError, Diagnostics(result, host));
        Assert.Equal(["tabby cat:97.25", "dog:2.5"], result.Json.GetProperty("labels").EnumerateArray().Select(l => $"{l.GetProperty("name").GetString()}:{l.GetProperty("confidence").GetDouble()}"));
        var (target, authorization, body) = Assert.Single(rekognition.Received);
        Assert.Equal("RekognitionService.DetectCustomLabels", target);
        Assert.Matches(@"^AWS4-HMAC-SHA256 Credential=S3RVER/\d{8}/eu-west-1/rekognition/aws4_request,", authorization);
        using var sent = JsonDocument.Parse(body);
        Assert.Equal(ModelVersionArn, sent.RootElement.GetProperty("ProjectVersionArn").GetString());
        Assert.Equal("images_for_detection/cat.png", sent.RootElement.GetProperty("Image").GetProperty("S3Object").GetProperty("Name").GetString());
    }

    [Fact]
    public async Task Record_drift_in_the_AOT_bootstrap_reads_a_refused_DynamoDB_condition_as_another_writers_value_not_as_an_error()
    {
        // The compare-and-set the leases and the drift alerts rely on: a refused condition must arrive as
        // ConditionalCheckFailedException after trimming, or every lost race would fail its step as Port.Conflict.
        await using var host = await StartAsync("operations-digest-record-drift", await dynamo.NewTableAsync());

        var first = await host.Api.InvokeAsync(RecordDrift(labels: 60, agreed: 40)).WaitAsync(Patience);
        var again = await host.Api.InvokeAsync(RecordDrift(labels: 60, agreed: 40)).WaitAsync(Patience);
        var other = await host.Api.InvokeAsync(RecordDrift(labels: 80, agreed: 50)).WaitAsync(Patience);

        Assert.False(first.IsError, Diagnostics(first, host));
        Assert.Equal("remembered: 40 of 60 counted human labels agreed at the alert", first.Json.GetProperty("note").GetString());
        Assert.False(again.IsError, Diagnostics(again, host));
        Assert.Equal("already remembered (a retry)", again.Json.GetProperty("note").GetString());
        Assert.False(other.IsError, Diagnostics(other, host));
        Assert.False(other.Json.GetProperty("recorded").GetBoolean());
    }

    [Fact]
    public async Task Check_drift_in_the_AOT_bootstrap_counts_the_serving_versions_labels_from_the_tables_index()
    {
        var table = await dynamo.NewTableAsync();
        var log = new DynamoDbInferenceLog(dynamo.Client, table);
        foreach (var (key, model, human) in new[] { ("a.png", ModelVersionArn, "cat"), ("b.png", ModelVersionArn, "dog"), ("c.png", ModelVersionArn, "dog"), ("old.png", "arn:older", "dog") })
        {
            await log.RecordAsync(new InferenceRecord(key, model, new Prediction([new LabelConfidence("cat", 90)]), true, ["random: draw vs rate: 0.01 < 0.05 (seed 7)"], "loop", DateTimeOffset.UnixEpoch), CancellationToken.None);
            await log.RecordHumanLabelAsync(key, human, CancellationToken.None);
        }

        await using var host = await StartAsync("operations-digest-check-drift", table);
        var request = $$$"""
            {"serving":{"projectVersionArn":"{{{ModelVersionArn}}}","f1":0.9,"since":"2026-11-01T00:00:00+00:00"},"settings":{"Drift-Minimum-Human-Labels":"10"}}
            """;

        var result = await host.Api.InvokeAsync(Encoding.UTF8.GetBytes(request)).WaitAsync(Patience);

        Assert.False(result.IsError, Diagnostics(result, host));
        Assert.Equal("TooFewLabels", result.Json.GetProperty("status").GetString());
        // a.png agreed; b.png and c.png did not; old.png belongs to another version.
        var summary = result.Json.GetProperty("summary").GetString();
        Assert.StartsWith("Drift not judged yet: 1 of 3 human labels", summary, StringComparison.Ordinal);
        Assert.EndsWith(", 10 human labels needed (Drift-Minimum-Human-Labels).", summary, StringComparison.Ordinal);
    }

    private Task<ChildHost> StartAsync(string handler, string table, params (string Name, string Value)[] more)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["AWS_REGION"] = "eu-west-1",
            ["TABLE_NAME"] = table,
            ["TOPIC_ARN"] = "arn:aws:sns:eu-west-1:111122223333:ci-events",
            ["FLOW_DEFINITION_ARN"] = "arn:aws:sagemaker:eu-west-1:111122223333:flow-definition/ci-review",
            ["BUCKET"] = Bucket,
            // s3rver knows this one key pair and checks signatures with it; dynalite takes any.
            ["AWS_ACCESS_KEY_ID"] = "S3RVER",
            ["AWS_SECRET_ACCESS_KEY"] = "S3RVER",
            ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:1/",
            // By name, as a host name in a container network would be: a bucket has no DNS name there, so only
            // path-style requests reach it.
            ["AWS_ENDPOINT_URL_S3"] = new UriBuilder(s3.Client.Config.ServiceURL) { Host = "localhost" }.Uri.ToString(),
            ["AWS_ENDPOINT_URL_DYNAMODB"] = dynamo.Client.Config.ServiceURL,
        };
        foreach (var (name, value) in more)
        {
            environment[name] = value;
        }

        return ChildHost.StartAsync(AotBootstrapFixture.BinaryPath, [], handler, environment);
    }

    /// <returns>The ETag s3rver gave the object, without quotes.</returns>
    private async Task<string> PutPngAsync(string key, string? claimedLabel)
    {
        var put = new PutObjectRequest { BucketName = Bucket, Key = key, InputStream = new MemoryStream(Png), ContentType = "image/png" };
        if (claimedLabel is not null)
        {
            put.Metadata["claimed-label"] = claimedLabel;
        }

        return (await s3.Client.PutObjectAsync(put)).ETag.Trim('"');
    }

    // EventBridge's "Object Created" event as S3 sends it, the key form-encoded.
    private static byte[] ObjectCreated(string encodedKey, string etag) => Encoding.UTF8.GetBytes($$"""
        {"version":"0","id":"17793124-05d4-b198-2fde-7ededc63b103","detail-type":"Object Created","source":"aws.s3",
         "account":"111122223333","time":"2026-11-26T08:30:00Z","region":"eu-west-1","resources":["arn:aws:s3:::{{Bucket}}"],
         "detail":{"version":"0","bucket":{"name":"{{Bucket}}"},"object":{"key":"{{encodedKey}}","size":{{Png.Length}},"etag":"{{etag}}","sequencer":"00617F08299329D189"},
                   "request-id":"N4N7GDK58NMKJ12R","requester":"111122223333","source-ip-address":"203.0.113.15","reason":"PutObject"} }
        """);

    private static byte[] LogInference(string key, params (string Name, double Confidence)[] labels)
    {
        var predicted = string.Join(",", labels.Select(l => FormattableString.Invariant($"{{\"name\":\"{l.Name}\",\"confidence\":{l.Confidence}}}")));
        return Encoding.UTF8.GetBytes($$"""
            {"image":{"bucket":"{{Bucket}}","key":"{{key}}","versionId":null,"etag":"abc"},"modelVersionArn":"{{ModelVersionArn}}",
             "prediction":{"labels":[{{predicted}}]} }
            """);
    }

    // Each call expects no alert stored yet, as a run that found none would.
    private static byte[] RecordDrift(int labels, int agreed) => Encoding.UTF8.GetBytes($$"""
        {"alert":{"modelVersionArn":"{{ModelVersionArn}}","labels":{{labels}},"agreed":{{agreed}},"at":"2026-11-26T09:00:00+00:00"},"expected":null}
        """);

    private static string Diagnostics(InvocationResult result, ChildHost host) =>
        $"{result.Text}\n{string.Join('\n', host.OutputLines.Concat(host.ErrorLines))}";
}
