using System.Collections.Concurrent;

namespace ContinuousImprovement.Local.Adapters;

/// <summary>
/// Files the twin reads on every workflow execution (the parameters, a model version), parsed again only when their
/// bytes changed. Reading a small file is cheap; parsing its JSON each time is what costs. Write times cannot tell
/// a change: the kernel stamps them with a coarse clock, so two writes of equal size a few milliseconds apart look
/// the same. Parsed values are shared: callers must not change them.
/// </summary>
internal sealed class ParsedFileCache<T>(Func<byte[], T> parse)
    where T : class
{
    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);

    /// <summary>The file's parsed content, or null when it does not exist.</summary>
    public T? Read(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            entries.TryRemove(path, out _);
            return null;
        }

        if (entries.TryGetValue(path, out var hit) && hit.Bytes.AsSpan().SequenceEqual(bytes))
        {
            return hit.Value;
        }

        var value = parse(bytes);
        entries[path] = new Entry(bytes, value);
        return value;
    }

    private sealed record Entry(byte[] Bytes, T Value);
}
