namespace ContinuousImprovement.Aws.Endpoints;

/// <summary>The built-in inputs of an endpoint rule set: region, FIPS, dual-stack and an explicit endpoint override.</summary>
public sealed record EndpointParameters(string? Region, bool UseFips = false, bool UseDualStack = false, string? Endpoint = null);
