namespace ContinuousImprovement.Local.Twin;

/// <summary>The Content-Type an upload gets from its file name, as the AWS CLI guesses it on <c>s3 cp</c>.</summary>
internal static class ContentTypes
{
    public static string For(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".png" => "image/png",
        ".jpg" or ".jpeg" => "image/jpeg",
        ".json" => "application/json",
        _ => "application/octet-stream",
    };
}
