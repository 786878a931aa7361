namespace ContinuousImprovement.Aws.Model;

/// <summary>The <c>metadata</c> block of a service model.</summary>
public sealed record ServiceMetadata(string Protocol, string ApiVersion, string EndpointPrefix, string SigningName, string ServiceId)
{
    /// <summary>The X-Amz-Target prefix of the JSON protocols.</summary>
    public string? TargetPrefix { get; init; }

    /// <summary>1.0 or 1.1: the JSON protocol version in the Content-Type.</summary>
    public string JsonVersion { get; init; } = "1.0";
}
