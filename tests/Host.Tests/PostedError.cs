using System.Text.Json;

namespace ContinuousImprovement.Host.Tests;

/// <summary>A body posted to <c>init/error</c>, with its error-type header.</summary>
public sealed record PostedError(byte[] Body, string ErrorTypeHeader, string? ContentType)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement.Clone();
}
