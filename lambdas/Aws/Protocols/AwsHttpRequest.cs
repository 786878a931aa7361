namespace ContinuousImprovement.Aws.Protocols;

/// <summary>
/// A serialized request before endpoint, signing and transport: <paramref name="Path"/> and <paramref name="Query"/> are
/// already percent-encoded (the query without its '?'), <paramref name="Headers"/> holds the protocol's own headers.
/// </summary>
public sealed record AwsHttpRequest(string Method, string Path, string Query, IReadOnlyList<KeyValuePair<string, string>> Headers, ReadOnlyMemory<byte> Body)
{
    public string? Header(string name) =>
        Headers.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).FirstOrDefault();

    public string PathAndQuery => Query.Length == 0 ? Path : $"{Path}?{Query}";
}
