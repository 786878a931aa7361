namespace ContinuousImprovement.Aws.Protocols;

/// <summary>What a protocol could read from an error response; <paramref name="Code"/> is null when the body named none.</summary>
public sealed record AwsErrorDetails(string? Code, string? Message, string? RequestId);
