using System.Text.Json.Serialization;

namespace ContinuousImprovement.Handlers.Contracts;

/// <summary>The error object a Catch puts in the state (<c>{"Error": …, "Cause": …}</c>, capitalized as Step Functions writes it).</summary>
public sealed record ErrorInfo(
    [property: JsonPropertyName("Error")] string Error,
    [property: JsonPropertyName("Cause")] string? Cause);
