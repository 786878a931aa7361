namespace ContinuousImprovement.Core.Storage;

/// <summary>
/// <c>s3://bucket/key</c> URIs as A2I (<c>taskObject</c>, <c>outputS3Uri</c>) and Ground Truth manifests
/// (<c>source-ref</c>) write them: the key is carried raw, not URL-encoded.
/// </summary>
public static class S3Uri
{
    private const string Scheme = "s3://";

    public static string Format(string bucket, string key) => $"{Scheme}{bucket}/{key}";

    /// <summary>Splits an s3 URI into bucket and key; false for anything else (other schemes, no key).</summary>
    public static bool TryParse(string? uri, out S3ObjectRef objectRef)
    {
        objectRef = null!;
        if (uri is null || !uri.StartsWith(Scheme, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = uri.AsSpan(Scheme.Length);
        var slash = rest.IndexOf('/');
        if (slash <= 0 || slash == rest.Length - 1)
        {
            return false;
        }

        objectRef = new S3ObjectRef(rest[..slash].ToString(), rest[(slash + 1)..].ToString());
        return true;
    }
}
