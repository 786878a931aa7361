using Amazon.Runtime;
using ContinuousImprovement.Core.Text;

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

    /// <summary>The variable that sets one endpoint for every service.</summary>
    public const string GlobalEndpointVariable = "AWS_ENDPOINT_URL";

    /// <summary>When true, the endpoint variables are ignored (as AWSSDK's clients do).</summary>
    public const string IgnoreEndpointVariables = "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS";

    /// <summary>
    /// The variable that sets one service's endpoint: <c>AWS_ENDPOINT_URL_</c> and the service's model serviceId
    /// upper-cased with spaces as underscores ("SageMaker A2I Runtime" → <c>AWS_ENDPOINT_URL_SAGEMAKER_A2I_RUNTIME</c>).
    /// </summary>
    public static string EndpointVariable(string serviceId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceId);
        return $"{GlobalEndpointVariable}_{serviceId.Trim().Replace(' ', '_').ToUpperInvariant()}";
    }

    /// <summary>
    /// The endpoint the standard AWS variables set for a service, looked up as AWSSDK's own clients do it:
    /// <see cref="EndpointVariable"/>, else <see cref="GlobalEndpointVariable"/>; none when
    /// <see cref="IgnoreEndpointVariables"/> is true. (The shared config file's <c>endpoint_url</c> is not read: a
    /// function has no profile.)
    /// </summary>
    /// <exception cref="InvalidOperationException">The variable is set but not an absolute http(s) URL; the message names it.</exception>
    public static Uri? ConfiguredEndpoint(string serviceId, Func<string, string?> variable)
    {
        ArgumentNullException.ThrowIfNull(variable);
        if (bool.TryParse(variable(IgnoreEndpointVariables)?.Trim(), out var ignore) && ignore)
        {
            return null;
        }

        foreach (var name in new[] { EndpointVariable(serviceId), GlobalEndpointVariable })
        {
            if (variable(name) is { } value && !string.IsNullOrWhiteSpace(value))
            {
                return Uri.TryCreate(value.Trim(), UriKind.Absolute, out var endpoint) && (endpoint.Scheme == Uri.UriSchemeHttp || endpoint.Scheme == Uri.UriSchemeHttps)
                    ? endpoint
                    : throw new InvalidOperationException($"{name} is {Printable.Quote(value, maxChars: 200)}, not an absolute http:// or https:// URL.");
            }
        }

        return null;
    }

    /// <summary>Options for the region Lambda runs in (AWS_REGION, else AWS_DEFAULT_REGION).</summary>
    public static AwsClientOptions FromEnvironment() => new()
    {
        Region = Environment.GetEnvironmentVariable("AWS_REGION")
            ?? Environment.GetEnvironmentVariable("AWS_DEFAULT_REGION")
            ?? throw new InvalidOperationException("Neither AWS_REGION nor AWS_DEFAULT_REGION is set."),
    };
}
