namespace ContinuousImprovement.Core.Filing;

/// <summary>
/// ETags as S3 reports them in different places: quoted in HEAD/GET/List responses ("\"abc\""), bare in
/// event notifications ("abc"). Compare only normalized values.
/// </summary>
public static class ETags
{
    /// <summary>The ETag without surrounding white space or quotes; empty for null.</summary>
    public static string Normalize(string? etag)
    {
        return etag is null ? string.Empty : etag.Trim().Trim('"');
    }

    /// <summary>True when both are known and name the same content.</summary>
    public static bool Same(string? a, string? b)
    {
        var left = Normalize(a);
        return left.Length > 0 && string.Equals(left, Normalize(b), StringComparison.OrdinalIgnoreCase);
    }
}
