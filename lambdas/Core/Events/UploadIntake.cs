using ContinuousImprovement.Core.Storage;

namespace ContinuousImprovement.Core.Events;

/// <summary>
/// Which new objects the detection workflow takes: files under <see cref="BucketLayout.ImagesForDetection"/>
/// in a format Rekognition Custom Labels reads (JPEG, PNG). Everything else is left where it is, with a reason.
/// </summary>
public static class UploadIntake
{
    private static readonly string[] ImageExtensions = [".jpg", ".jpeg", ".png"];

    /// <returns>null when the object is taken; otherwise why it is ignored.</returns>
    public static string? WhyIgnored(S3ObjectRef image, string prefix = BucketLayout.ImagesForDetection)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (!image.Key.StartsWith(prefix, StringComparison.Ordinal))
        {
            return $"'{image.Key}' is not under {prefix}";
        }

        if (image.Key.EndsWith('/'))
        {
            return $"'{image.Key}' is a folder marker";
        }

        // A sub-folder like images_for_detection/../x is a plain key in S3, but paths like it confuse
        // every tool that maps keys to files, the twin included.
        if (image.Key[prefix.Length..].Split('/').Any(segment => segment is "" or "." or ".."))
        {
            return $"'{image.Key}' has an empty, '.' or '..' path segment";
        }

        return IsImageFileName(image.FileName)
            ? null
            : $"'{image.FileName}' is not a JPEG or PNG file name (.jpg, .jpeg, .png)";
    }

    public static bool IsImageFileName(string fileName) =>
        ImageExtensions.Any(extension => fileName.Length > extension.Length && fileName.EndsWith(extension, StringComparison.OrdinalIgnoreCase));
}
