namespace ContinuousImprovement.Aws.Protocols;

/// <summary>A received response: status, headers (looked up case-insensitively) and the whole body.</summary>
public sealed record AwsHttpResponse(int StatusCode, IReadOnlyDictionary<string, string> Headers, ReadOnlyMemory<byte> Body)
{
    public static AwsHttpResponse Create(int statusCode, IEnumerable<KeyValuePair<string, string>> headers, ReadOnlyMemory<byte> body)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in headers)
        {
            // Repeated headers arrive as one comma-joined value, as HTTP allows.
            map[name] = map.TryGetValue(name, out var existing) ? $"{existing}, {value}" : value;
        }
        return new AwsHttpResponse(statusCode, map, body);
    }

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public bool IsSuccess => StatusCode is >= 200 and < 300;
}
