namespace ContinuousImprovement.Host.Runtime;

/// <summary>One event as the Runtime API hands it out (<c>GET /runtime/invocation/next</c>).</summary>
/// <param name="Deadline">From <c>Lambda-Runtime-Deadline-Ms</c>; <see cref="DateTimeOffset.MaxValue"/> when absent.</param>
public sealed record Invocation(
    string RequestId,
    DateTimeOffset Deadline,
    string InvokedFunctionArn,
    string? TraceId,
    string? ClientContext,
    string? CognitoIdentity,
    ReadOnlyMemory<byte> Payload);
