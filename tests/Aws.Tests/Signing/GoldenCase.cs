using System.Text.Json;
using System.Text.Json.Nodes;
using ContinuousImprovement.Aws.Runtime;

namespace ContinuousImprovement.Aws.Tests.Signing;

/// <summary>One botocore-signed golden request of shared/aws/golden-signed-requests and what index.json says about it.</summary>
internal sealed record GoldenCase(string Name, string Operation, string Host, string SigningName, string? SessionToken)
{
    public static readonly DateTime SignedAt = new(2015, 8, 30, 12, 36, 0, DateTimeKind.Utc);

    private static readonly Lazy<IReadOnlyList<GoldenCase>> Index = new(() =>
    {
        using var index = JsonDocument.Parse(File.ReadAllText(AwsFixtures.Shared("golden-signed-requests", "index.json")));
        return index.RootElement.GetProperty("cases").EnumerateArray().Select(c => new GoldenCase(
            c.GetProperty("case").GetString()!,
            c.GetProperty("operation").GetString()!,
            c.GetProperty("host").GetString()!,
            c.GetProperty("signing_name").GetString()!,
            c.GetProperty("session_token").GetString())).ToList();
    });

    public static IReadOnlyList<GoldenCase> All => Index.Value;

    public static GoldenCase Named(string name) => All.Single(c => c.Name == name);

    public static TheoryData<string> Names() => new(All.Select(c => c.Name));

    /// <summary>The case name without ".with-session-token": both variants share one params.json.</summary>
    public string BaseName => Name.Replace(".with-session-token", "", StringComparison.Ordinal);

    public AwsService Service => BaseName.Split('-')[0] switch
    {
        "rekognition" => AwsService.Rekognition,
        "a2i" => AwsService.A2iRuntime,
        "sns" => AwsService.Sns,
        "sagemaker" => AwsService.SageMaker,
        var other => throw new InvalidOperationException($"No service for golden case prefix '{other}'."),
    };

    public string Read(string extension) =>
        File.ReadAllText(AwsFixtures.Shared("golden-signed-requests", Name + extension)).Replace("\r\n", "\n", StringComparison.Ordinal);

    public string SignedRequest => Read(".sreq");

    public string Body => RawHttpRequest.Body(SignedRequest);

    /// <summary>The API input with botocore's {"__bytes_base64__": ...} blobs turned into our base64 strings.</summary>
    public JsonElement Parameters()
    {
        var node = JsonNode.Parse(File.ReadAllText(AwsFixtures.Shared("golden-signed-requests", BaseName + ".params.json")))!;
        return JsonSerializer.SerializeToElement(Unwrap(node), Protocols.ProtocolTestJson.Default.JsonNode);
    }

    private static JsonNode? Unwrap(JsonNode? node) => node switch
    {
        JsonObject obj when obj.Count == 1 && obj["__bytes_base64__"] is JsonValue blob => JsonValue.Create(blob.GetValue<string>()),
        JsonObject obj => new JsonObject(obj.Select(p => KeyValuePair.Create(p.Key, Unwrap(p.Value)))),
        JsonArray array => new JsonArray(array.Select(Unwrap).ToArray()),
        _ => node?.DeepClone(),
    };
}
