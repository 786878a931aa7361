using Amazon.Runtime;
using Amazon.S3;

namespace ContinuousImprovement.Aws.Tests.Peers;

/// <summary>A real s3rver (via s3server.mjs) with one bucket, and an AWSSDK.S3 client pointed at it.</summary>
public sealed class S3rverFixture : IAsyncLifetime
{
    public const string Bucket = "adapter-tests";

    private readonly string directory = Path.Combine(Path.GetTempPath(), "s3rver-" + Guid.NewGuid().ToString("N"));
    private NodePeer? peer;

    internal NodePeer Peer => peer ?? throw new InvalidOperationException("s3rver is not running.");

    public IAmazonS3 Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(directory);
        // s3rver's ListObjectsV2 continuation tokens are DES-encrypted, which OpenSSL 3 keeps in its legacy provider.
        var script = Path.Combine(AppContext.BaseDirectory, "Peers", "s3server.mjs");
        peer = await NodePeer.StartAsync(NodePeer.Node(preferBundled: false), ["--openssl-legacy-provider", script, directory, Bucket], 0);
        Client = new AmazonS3Client(
            new BasicAWSCredentials("S3RVER", "S3RVER"),
            new AmazonS3Config { ServiceURL = peer.Url.ToString(), ForcePathStyle = true, AuthenticationRegion = "us-east-1" });
    }

    /// <summary>The If-None-Match header of every request s3rver received, in order (null where absent).</summary>
    public async Task<string> RequestLogAsync()
    {
        using var http = new HttpClient();
        return await http.GetStringAsync(new Uri(Peer.Url, "/__peer/if-none-match"));
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (peer is not null)
        {
            await peer.DisposeAsync();
        }

        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
