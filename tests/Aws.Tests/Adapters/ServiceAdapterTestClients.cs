using Amazon.Runtime;
using ContinuousImprovement.Aws.Runtime;
using ContinuousImprovement.Aws.Tests.Peers;

namespace ContinuousImprovement.Aws.Tests.Adapters;

/// <summary>Options that point a typed client at a loopback server, signed with test keys, without retries.</summary>
internal static class ServiceAdapterTestClients
{
    public static AwsClientOptions Options(LoopbackServer server) => new()
    {
        Region = "us-east-1",
        Endpoint = server.Url,
        Credentials = new BasicAWSCredentials("AKID", "SECRET"),
        Retry = AwsRetryOptions.None,
    };
}
