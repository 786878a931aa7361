using System.Text;
using System.Text.Json;
using Amazon.Runtime;
using ContinuousImprovement.Aws.Endpoints;
using ContinuousImprovement.Aws.Protocols;
using ContinuousImprovement.Aws.Signing;

namespace ContinuousImprovement.Aws.Tests.Signing;

/// <summary>
/// The 30 botocore-signed golden requests: our serializer builds the same request, the spec oracle signs it to the same
/// canonical request, string to sign and Authorization, and our production signer (AWSSDK.Core) matches AWSSDK.Core's
/// recorded output — whose canonical request is botocore's plus x-amz-content-sha256.
/// </summary>
public sealed class GoldenSignedRequestTests
{
    public static TheoryData<string> Cases() => GoldenCase.Names();

    [Fact]
    public void All_thirty_golden_requests_are_covered()
    {
        Assert.Equal(30, GoldenCase.All.Count);
        Assert.Equal(15, GoldenCase.All.Count(c => c.SessionToken is not null));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Spec_signer_reproduces_botocore_byte_for_byte_on_the_golden_wire_request(string name)
    {
        var golden = GoldenCase.Named(name);
        var request = RawHttpRequest.Parse(golden.SignedRequest, h => h is not "Authorization" and not "Content-Length");

        var result = SpecSigV4.Sign(request, "us-east-1", golden.SigningName, GoldenCase.SignedAt);

        Assert.Equal(golden.Read(".creq"), result.CanonicalRequest);
        Assert.Equal(golden.Read(".sts"), result.StringToSign);
        Assert.Equal(golden.Read(".authz"), result.Authorization);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Our_serializer_builds_the_request_botocore_signed(string name)
    {
        var golden = GoldenCase.Named(name);
        var ours = Serialize(golden);
        var theirs = RawHttpRequest.Parse(golden.SignedRequest);

        Assert.Equal(theirs.Method, ours.Method);
        Assert.Equal(theirs.Path, ours.Path);
        Assert.Equal(theirs.Query, ours.Query);
        foreach (var (header, value) in ours.Headers)
        {
            Assert.Equal(value, theirs.Headers.Single(h => h.Key.Equals(header, StringComparison.OrdinalIgnoreCase)).Value);
        }
        var protocolHeaders = theirs.Headers.Where(h => h.Key is "Content-Type" or "X-Amz-Target").Select(h => h.Key);
        Assert.Equal(protocolHeaders.Order(), ours.Headers.Select(h => h.Key).Order());
        AssertSameBody(golden, Encoding.UTF8.GetString(ours.Body.Span));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Our_request_signed_by_the_spec_signer_is_botocores_canonical_request_string_to_sign_and_authorization(string name)
    {
        var golden = GoldenCase.Named(name);
        var ours = Serialize(golden);
        var host = Endpoint(golden).Host;
        Assert.Equal(golden.Host, host);

        // Same request, with botocore's body bytes: JSON whitespace is free, but the payload hash is over the exact bytes.
        var signable = Signable(golden, ours, host, Encoding.UTF8.GetBytes(golden.Body));
        var result = SpecSigV4.Sign(signable, "us-east-1", golden.SigningName, GoldenCase.SignedAt);

        Assert.Equal(golden.Read(".creq"), result.CanonicalRequest);
        Assert.Equal(golden.Read(".sts"), result.StringToSign);
        Assert.Equal(golden.Read(".authz"), result.Authorization);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Our_own_body_changes_only_the_payload_hash_line_of_the_canonical_request(string name)
    {
        var golden = GoldenCase.Named(name);
        var ours = Serialize(golden);
        var signable = Signable(golden, ours, golden.Host, ours.Body.ToArray());

        var result = SpecSigV4.Sign(signable, "us-east-1", golden.SigningName, GoldenCase.SignedAt);

        var expected = golden.Read(".creq").Split('\n');
        var actual = result.CanonicalRequest.Split('\n');
        Assert.Equal(expected[..^1], actual[..^1]);
        if (ours.Header("Content-Type")?.StartsWith("application/x-www-form-urlencoded", StringComparison.Ordinal) == true || ours.Body.IsEmpty)
        {
            // awsQuery bodies (and empty ones) are byte-identical to botocore's, so the whole signature is.
            Assert.Equal(golden.Read(".authz"), result.Authorization);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Production_signer_matches_AWSSDK_Core_recorded_output_and_botocore_plus_the_content_hash_header(string name)
    {
        var golden = GoldenCase.Named(name);
        var ours = Serialize(golden) with { Body = Encoding.UTF8.GetBytes(golden.Body) };
        var credentials = golden.SessionToken is null
            ? (AWSCredentials)new BasicAWSCredentials(SpecSigV4.AccessKey, SpecSigV4.SecretKey)
            : new SessionAWSCredentials(SpecSigV4.AccessKey, SpecSigV4.SecretKey, golden.SessionToken);

        var headers = await AwsRequestSigner.SignAsync(ours, Endpoint(golden), "us-east-1", golden.SigningName, credentials, GoldenCase.SignedAt, CancellationToken.None);

        var recorded = AwsSdkCoreRecording.For(name);
        Assert.Equal(recorded.OrderBy(h => h.Key, StringComparer.OrdinalIgnoreCase), headers.OrderBy(h => h.Key, StringComparer.OrdinalIgnoreCase));
        var withHash = Signable(golden, ours, golden.Host, ours.Body.ToArray(), ("X-Amz-Content-SHA256", headers["X-Amz-Content-SHA256"]));
        Assert.Equal(headers["Authorization"], SpecSigV4.Sign(withHash, "us-east-1", golden.SigningName, GoldenCase.SignedAt).Authorization);
    }

    internal static AwsHttpRequest Serialize(GoldenCase golden)
    {
        var model = golden.Service.Model;
        var protocol = AwsProtocols.For(model, () => throw new InvalidOperationException("The golden cases set every token."));
        return protocol.Serialize(model.Operation(golden.Operation), golden.Parameters());
    }

    internal static Uri Endpoint(GoldenCase golden) => golden.Service.Endpoints.Resolve(new EndpointParameters("us-east-1")).Url;

    private static SignableRequest Signable(GoldenCase golden, AwsHttpRequest ours, string host, byte[] body, params (string Name, string Value)[] extra)
    {
        var headers = new List<KeyValuePair<string, string>>(ours.Headers)
        {
            new("Host", host),
            new("X-Amz-Date", "20150830T123600Z"),
        };
        if (golden.SessionToken is not null)
        {
            headers.Add(new("X-Amz-Security-Token", golden.SessionToken));
        }
        headers.AddRange(extra.Select(e => new KeyValuePair<string, string>(e.Name, e.Value)));
        return new SignableRequest(ours.Method, ours.Path, ours.Query, headers, body);
    }

    private static void AssertSameBody(GoldenCase golden, string ours)
    {
        if (golden.Body.Length == 0)
        {
            Assert.Equal("", ours);
        }
        else if (golden.Body.StartsWith('{'))
        {
            using var expected = JsonDocument.Parse(golden.Body);
            using var actual = JsonDocument.Parse(ours);
            Assert.True(JsonElement.DeepEquals(expected.RootElement, actual.RootElement), $"body {ours}, expected {golden.Body}");
        }
        else
        {
            Assert.Equal(golden.Body, ours);
        }
    }
}
