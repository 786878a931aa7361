namespace ContinuousImprovement.Local.Adapters;

/// <summary>
/// Orders strings as their UTF-8 bytes compare, which is how S3 lists keys. Ordinal UTF-16 order differs only
/// where a surrogate pair (a code point above U+FFFF) meets a character from U+E000 to U+FFFF.
/// </summary>
internal sealed class Utf8Order : IComparer<string>
{
    public static Utf8Order Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : -1) : 1;
        }

        var length = Math.Min(x.Length, y.Length);
        for (var i = 0; i < length; i++)
        {
            var a = x[i];
            var b = y[i];
            if (a != b)
            {
                var aHigh = char.IsSurrogate(a);
                return aHigh == char.IsSurrogate(b) ? a.CompareTo(b) : (aHigh ? 1 : -1);
            }
        }

        return x.Length.CompareTo(y.Length);
    }
}
