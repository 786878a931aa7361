namespace ContinuousImprovement.Aws.Model;

/// <summary>One operation: its HTTP binding and its input/output shapes.</summary>
public sealed record OperationModel(string Name, string HttpMethod, string RequestUri)
{
    public string? InputShape { get; init; }

    public string? OutputShape { get; init; }

    /// <summary>awsQuery wraps a result in this element (usually <c>{Name}Result</c>).</summary>
    public string? ResultWrapper { get; init; }

    public IReadOnlyList<string> Errors { get; init; } = [];
}
