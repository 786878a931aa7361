using System.Text;
using System.Text.Json;

namespace ContinuousImprovement.Host.Tests;

/// <summary>What the host posted for one invocation: its response, or its error with the error-type header.</summary>
public sealed record InvocationResult(string RequestId, bool IsError, byte[] Body, string? ErrorTypeHeader, string? ContentType, DateTimeOffset Deadline)
{
    public string Text => Encoding.UTF8.GetString(Body);

    public JsonElement Json => JsonDocument.Parse(Body).RootElement.Clone();
}
