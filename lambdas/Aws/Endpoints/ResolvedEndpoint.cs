namespace ContinuousImprovement.Aws.Endpoints;

/// <summary>Where to send a request, and the signing region/name when the rule set overrides them.</summary>
public sealed record ResolvedEndpoint(Uri Url, string? SigningRegion = null, string? SigningName = null);
