using Amazon.Runtime;
using ContinuousImprovement.Aws.Protocols;
using ContinuousImprovement.Aws.Signing;

namespace ContinuousImprovement.Aws.Tests.Signing;

/// <summary>
/// The official suite through our production signer (AWSSDK.Core): its Authorization must be the spec signature of the
/// same request plus the x-amz-content-sha256 header it adds. Cases whose raw request cannot be expressed as the
/// already-encoded requests our serializers produce are listed with the reason.
/// </summary>
public sealed class ProductionSignerSuiteTests
{
    /// <summary>Suite requests our clients never send, so AWSSDK.Core's different handling of them does not matter.</summary>
    public static readonly IReadOnlyDictionary<string, string> NotApplicable = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["get-header-key-duplicate"] = "a header repeated; our protocols send each header once (AWSSDK.Core takes a dictionary)",
        ["get-header-value-order"] = "a header repeated; our protocols send each header once",
        ["get-utf8"] = "a raw non-ASCII path; our serializers percent-encode labels first (see the encoded-label test)",
        ["normalize-path/get-space"] = "a raw space in the path; our serializers percent-encode labels first",
        ["normalize-path/get-slash"] = "'//' in the path; our URI templates and encoded labels never produce empty segments",
        ["normalize-path/get-slashes"] = "'//' in the path; our URI templates and encoded labels never produce empty segments",
        ["get-vanilla-query-order-encoded"] = "a non-ASCII query key, which AWSSDK.Core sorts before encoding; our query keys are ASCII member names",
    };

    public static TheoryData<string> Cases() =>
        new(SigV4TestSuiteTests.Folders().Where(c => !NotApplicable.ContainsKey(c)));

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Production_signer_signs_the_suite_request_as_the_spec_does_plus_the_content_hash(string folder)
    {
        var (request, _) = SigV4TestSuiteTests.Load(folder);
        var token = request.Headers.FirstOrDefault(h => h.Key.Equals("X-Amz-Security-Token", StringComparison.OrdinalIgnoreCase)).Value;
        var own = request.Headers.Where(h => h.Key is not "Host" and not "X-Amz-Date" && !h.Key.Equals("X-Amz-Security-Token", StringComparison.OrdinalIgnoreCase)).ToList();
        var ours = new AwsHttpRequest(request.Method, request.Path, request.Query, own, request.Body);
        var credentials = token is null
            ? (AWSCredentials)new BasicAWSCredentials(SpecSigV4.AccessKey, SpecSigV4.SecretKey)
            : new SessionAWSCredentials(SpecSigV4.AccessKey, SpecSigV4.SecretKey, token);

        var headers = await AwsRequestSigner.SignAsync(ours, new Uri("https://example.amazonaws.com"), "us-east-1", "service", credentials,
            new DateTime(2015, 8, 30, 12, 36, 0, DateTimeKind.Utc), CancellationToken.None);

        var expected = SpecSigV4.Sign(request with { Headers = [.. request.Headers, new("X-Amz-Content-SHA256", headers["X-Amz-Content-SHA256"])] },
            "us-east-1", "service", new DateTime(2015, 8, 30, 12, 36, 0, DateTimeKind.Utc));
        Assert.Equal(expected.Authorization, headers["Authorization"]);
    }

    [Theory]
    [InlineData("GET", "/human-loops/a%20b%2F%E1%88%B4", "")]
    [InlineData("GET", "/human-loops", "CreationTimeAfter=2026-01-01T00%3A00%3A00Z&FlowDefinitionArn=arn%3Aaws%3Asagemaker%3Aus-east-1%3A111122223333%3Aflow-definition%2Fmy-flow&MaxResults=10&SortOrder=Descending")]
    [InlineData("PUT", "/schedules/training%20check", "")]
    public async Task Production_signer_signs_our_encoded_labels_and_query_values_as_the_spec_does(string method, string path, string query)
    {
        var ours = new AwsHttpRequest(method, path, query, [], Array.Empty<byte>());
        var signedAt = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc);

        var headers = await AwsRequestSigner.SignAsync(ours, new Uri("https://a2i-runtime.sagemaker.us-east-1.amazonaws.com"), "us-east-1", "sagemaker",
            new BasicAWSCredentials(SpecSigV4.AccessKey, SpecSigV4.SecretKey), signedAt, CancellationToken.None);

        var expected = SpecSigV4.Sign(new SignableRequest(method, path, query,
            [new("Host", "a2i-runtime.sagemaker.us-east-1.amazonaws.com"), new("X-Amz-Date", "20260102T030405Z"), new("X-Amz-Content-SHA256", headers["X-Amz-Content-SHA256"])], []),
            "us-east-1", "sagemaker", signedAt);
        Assert.Equal(expected.Authorization, headers["Authorization"]);
    }
}
