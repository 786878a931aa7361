namespace ContinuousImprovement.Core.Parameters;

/// <summary>Where the JSON system parameter (operational state) lives and which schema version it carries.</summary>
public sealed record SystemParameterInfo(string Name, int SchemaVersion, string Description);
