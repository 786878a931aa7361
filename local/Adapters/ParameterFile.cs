namespace ContinuousImprovement.Local.Adapters;

/// <summary>The parameter store's file: every parameter by its full name.</summary>
internal sealed record ParameterFile(SortedDictionary<string, ParameterEntry> Parameters);

/// <summary>One parameter's value, the version its last write got (1 for the first), and when.</summary>
internal sealed record ParameterEntry(string Value, long Version, DateTimeOffset LastModifiedDate);
