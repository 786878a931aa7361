using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

using ContinuousImprovement.Core.Storage;
using ContinuousImprovement.Core.Text;

namespace ContinuousImprovement.Local.Portal;

/// <summary>
/// The portal's <c>grant_read_access</c>: a link to one object, signed with a key only this portal instance holds
/// and valid for a while, like the presigned URL A2I makes. <c>/objects</c> serves exactly the objects a
/// rendered page was granted, and only from the configured bucket, so the portal cannot be used to read
/// anything else through a hand-made link.
/// </summary>
internal sealed class ObjectGrants(string bucket, TimeProvider time)
{
    public const string Route = "/objects/";

    // Long enough for a reviewer who leaves a task open over lunch; the link is only a view of one image.
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(12);

    private readonly byte[] signingKey = RandomNumberGenerator.GetBytes(32);

    /// <summary>A relative portal URL for the object, e.g. <c>/objects/cat.png?bucket=b&amp;key=...&amp;expires=...&amp;signature=...</c>.</summary>
    public string UrlFor(S3ObjectRef image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var expires = (time.GetUtcNow() + Lifetime).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return $"{Route}{Uri.EscapeDataString(image.FileName)}?bucket={Uri.EscapeDataString(image.Bucket)}&key={Uri.EscapeDataString(image.Key)}"
            + $"&expires={expires}&signature={Sign(image.Bucket, image.Key, expires)}";
    }

    /// <summary>Null when the link may be served; otherwise why not, for the 403 answer.</summary>
    public string? Refusal(string? requestedBucket, string? key, string? expires, string? signature)
    {
        if (requestedBucket is null || key is null || expires is null || signature is null)
        {
            return "An object link needs bucket, key, expires and signature; open images from a review page.";
        }

        if (!string.Equals(requestedBucket, bucket, StringComparison.Ordinal))
        {
            return $"Only objects of bucket {Printable.Quote(bucket)} are served, not of {Printable.Quote(requestedBucket)}.";
        }

        byte[] given;
        try
        {
            given = Base64Url.DecodeFromChars(signature);
        }
        catch (FormatException)
        {
            return "The object link's signature is malformed.";
        }

        var expected = Base64Url.DecodeFromChars(Sign(requestedBucket, key, expires));
        if (!CryptographicOperations.FixedTimeEquals(given, expected))
        {
            return $"The link to {Printable.Quote(key, maxChars: 120)} was not granted by this portal (or was changed).";
        }

        return long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            && time.GetUtcNow().ToUnixTimeSeconds() <= seconds
                ? null
                : $"The link to {Printable.Quote(key, maxChars: 120)} has expired; reload the review page.";
    }

    private string Sign(string objectBucket, string key, string expires)
    {
        var mac = HMACSHA256.HashData(signingKey, Encoding.UTF8.GetBytes($"{objectBucket}\n{key}\n{expires}"));
        return Base64Url.EncodeToString(mac);
    }
}
