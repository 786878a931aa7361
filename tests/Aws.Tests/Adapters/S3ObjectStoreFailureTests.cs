using Amazon.Runtime;
using Amazon.S3;
using ContinuousImprovement.Aws.Adapters;
using ContinuousImprovement.Aws.Tests.Peers;
using ContinuousImprovement.Core.Ports;
using ContinuousImprovement.Core.Storage;

namespace ContinuousImprovement.Aws.Tests.Adapters;

/// <summary>
/// S3's answers s3rver cannot give — 412 for a taken key under <c>If-None-Match: *</c>, throttling, 5xx, denial —
/// from a loopback server answering S3's XML error shape, through the real AWSSDK.S3 client.
/// </summary>
public sealed class S3ObjectStoreFailureTests : IDisposable
{
    private readonly LoopbackServer server = new();
    private readonly AmazonS3Client client;
    private readonly S3ObjectStore store;

    public S3ObjectStoreFailureTests()
    {
        client = new AmazonS3Client(
            new BasicAWSCredentials("AKID", "SECRET"),
            new AmazonS3Config { ServiceURL = server.Url.ToString(), ForcePathStyle = true, AuthenticationRegion = "us-east-1", MaxErrorRetry = 0 });
        store = new S3ObjectStore(client);
    }

    private static string Error(string code, string message) =>
        $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>{code}</Code><Message>{message}</Message><RequestId>R1</RequestId><HostId>H1</HostId></Error>";

    private static readonly (string, string) Xml = ("Content-Type", "application/xml");

    [Fact]
    public async Task Create_only_put_answers_null_when_S3_refuses_with_412_PreconditionFailed()
    {
        server.Respond(412, Error("PreconditionFailed", "At least one of the pre-conditions you specified did not hold"), Xml);

        var created = await store.PutIfAbsentAsync("b", "taken.txt", "x"u8.ToArray(), "text/plain", null, CancellationToken.None);

        Assert.Null(created);
        Assert.Equal("*", server.Single.Header("If-None-Match"));
        Assert.Equal("PUT", server.Single.Method);
    }

    [Fact]
    public async Task Create_only_put_answers_null_on_409_ConditionalRequestConflict()
    {
        server.Respond(409, Error("ConditionalRequestConflict", "A conflicting conditional operation is currently in progress"), Xml);

        Assert.Null(await store.PutIfAbsentAsync("b", "racing.txt", "x"u8.ToArray(), null, null, CancellationToken.None));
    }

    [Fact]
    public async Task Create_only_copy_answers_null_when_S3_refuses_with_412()
    {
        server.Respond(412, Error("PreconditionFailed", "At least one of the pre-conditions you specified did not hold"), Xml);

        var copied = await store.CopyIfAbsentAsync(new S3ObjectRef("b", "src.jpg"), "dst.jpg", null, CancellationToken.None);

        Assert.Null(copied);
        Assert.Equal("*", server.Single.Header("If-None-Match"));
        Assert.Equal("b/src.jpg", Uri.UnescapeDataString(server.Single.Header("x-amz-copy-source")!));
    }

    [Fact]
    public async Task A_plain_put_refused_with_412_is_a_conflict_failure()
    {
        server.Respond(412, Error("PreconditionFailed", "nope"), Xml);

        var failure = await Assert.ThrowsAsync<PortException>(() => store.PutAsync("b", "k", "x"u8.ToArray(), null, null, CancellationToken.None));

        Assert.Equal(PortFailure.Conflict, failure.Failure);
    }

    [Theory]
    [InlineData(503, "SlowDown", PortFailure.Throttled)]
    [InlineData(503, "ServiceUnavailable", PortFailure.Unavailable)]
    [InlineData(500, "InternalError", PortFailure.Unavailable)]
    [InlineData(403, "AccessDenied", PortFailure.AccessDenied)]
    [InlineData(400, "InvalidArgument", PortFailure.Invalid)]
    [InlineData(400, "RequestTimeout", PortFailure.Timeout)]
    public async Task S3_errors_become_the_matching_port_failure(int status, string code, PortFailure expected)
    {
        server.Respond(status, Error(code, "from the test"), Xml);

        var failure = await Assert.ThrowsAsync<PortException>(() => store.PutAsync("b", "k", "x"u8.ToArray(), null, null, CancellationToken.None));

        Assert.Equal(expected, failure.Failure);
        Assert.Contains(code, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_head_refused_with_403_is_access_denied_not_a_missing_object()
    {
        server.Respond(403, "");

        var failure = await Assert.ThrowsAsync<PortException>(() => store.HeadAsync("b", "k", CancellationToken.None));

        Assert.Equal(PortFailure.AccessDenied, failure.Failure);
    }

    [Fact]
    public async Task A_server_that_never_answers_in_time_is_a_timeout()
    {
        using var silent = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        silent.Start();
        var port = ((System.Net.IPEndPoint)silent.LocalEndpoint).Port;
        using var slow = new AmazonS3Client(
            new BasicAWSCredentials("AKID", "SECRET"),
            new AmazonS3Config { ServiceURL = $"http://127.0.0.1:{port}", ForcePathStyle = true, AuthenticationRegion = "us-east-1", MaxErrorRetry = 0, Timeout = TimeSpan.FromMilliseconds(300) });

        var failure = await Assert.ThrowsAsync<PortException>(() => new S3ObjectStore(slow).GetAsync("b", "k", CancellationToken.None));

        Assert.Equal(PortFailure.Timeout, failure.Failure);
    }

    public void Dispose()
    {
        client.Dispose();
        server.Dispose();
    }
}
