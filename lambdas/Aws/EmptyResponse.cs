namespace ContinuousImprovement.Aws;

/// <summary>The answer of an operation that returns nothing but success.</summary>
public sealed record EmptyResponse;
