namespace ContinuousImprovement.Aws.Tests.Signing;

/// <summary>The official SigV4 test suite (botocore's copy in shared/aws/sigv4-testsuite) through the spec oracle.</summary>
public sealed class SigV4TestSuiteTests
{
    private static readonly DateTime SignedAt = new(2015, 8, 30, 12, 36, 0, DateTimeKind.Utc);

    public static TheoryData<string> Cases() => new(Folders());

    internal static IEnumerable<string> Folders()
    {
        var root = AwsFixtures.Shared("sigv4-testsuite");
        return Directory.EnumerateFiles(root, "*.req", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, Path.GetDirectoryName(f)!))
            .Order(StringComparer.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Spec_signer_reproduces_the_official_canonical_request_string_to_sign_and_authorization(string folder)
    {
        var (request, expected) = Load(folder);

        var result = SpecSigV4.Sign(request, "us-east-1", "service", SignedAt);

        Assert.Equal(expected.CanonicalRequest, result.CanonicalRequest);
        Assert.Equal(expected.StringToSign, result.StringToSign);
        Assert.Equal(expected.Authorization, result.Authorization);
    }

    [Fact]
    public void Every_case_of_the_suite_is_run()
    {
        Assert.Equal(34, Folders().Count());
    }

    internal static (SignableRequest Request, SigV4Result Expected) Load(string folder)
    {
        var dir = AwsFixtures.Shared("sigv4-testsuite", folder);
        var name = Path.GetFileName(dir);
        string Read(string ext) => File.ReadAllText(Path.Combine(dir, name + ext)).Replace("\r\n", "\n", StringComparison.Ordinal);
        var request = RawHttpRequest.Parse(Read(".req"));
        var creq = Read(".creq");
        // The suite's session-token case expects the signer to add the token header (botocore's test_sigv4.py does).
        var token = creq.Split('\n').FirstOrDefault(l => l.StartsWith("x-amz-security-token:", StringComparison.Ordinal));
        if (token is not null && !request.Headers.Any(h => h.Key.Equals("X-Amz-Security-Token", StringComparison.OrdinalIgnoreCase)))
        {
            request = request with { Headers = [.. request.Headers, new("X-Amz-Security-Token", token["x-amz-security-token:".Length..])] };
        }
        return (request, new SigV4Result(creq, Read(".sts"), Read(".authz")));
    }
}
