using Amazon.Runtime;

namespace ContinuousImprovement.Aws.Runtime;

/// <summary>
/// Where and how a client calls AWS. Credentials default to AWSSDK.Core's chain (on Lambda: the function role's
/// environment variables). A class, not a record, so no generated ToString can print the credentials.
/// </summary>
public sealed class AwsClientOptions
{
    public required string Region { get; init; }

    public bool UseFips { get; init; }

    public bool UseDualStack { get; init; }

    /// <summary>An explicit endpoint (a VPC endpoint, a local twin); the rule set then only checks it.</summary>
    public Uri? Endpoint { get; init; }

    public AWSCredentials? Credentials { get; init; }

    /// <summary>The transport; a <see cref="SocketsHttpHandler"/> by default. Tests pass a fake.</summary>
    public HttpMessageHandler? Handler { get; init; }

    /// <summary>How long one attempt may take before it counts as a transient failure.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    public AwsRetryOptions Retry { get; init; } = new();

    public Func<string> NewIdempotencyToken { get; init; } = () => Guid.NewGuid().ToString();

    /// <summary>Options for the region Lambda runs in (AWS_REGION, else AWS_DEFAULT_REGION).</summary>
    public static AwsClientOptions FromEnvironment() => new()
    {
        Region = Environment.GetEnvironmentVariable("AWS_REGION")
            ?? Environment.GetEnvironmentVariable("AWS_DEFAULT_REGION")
            ?? throw new InvalidOperationException("Neither AWS_REGION nor AWS_DEFAULT_REGION is set."),
    };
}
