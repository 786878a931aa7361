namespace ContinuousImprovement.Local.Adapters;

/// <summary>
/// Whole-file writes that readers never see half done: the bytes go to a temporary file in
/// <c>tempFolder</c> (same file system as the target), which is then renamed into place.
/// </summary>
internal static class AtomicFile
{
    /// <summary>Writes <paramref name="path"/>, replacing what was there in one rename.</summary>
    public static void Replace(string path, ReadOnlySpan<byte> content, string tempFolder)
    {
        var temp = WriteTemp(content, tempFolder);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>
    /// Creates <paramref name="path"/> only if nothing is there; false when it exists. On Unix .NET moves
    /// without overwrite by link-then-unlink, which the kernel refuses when the name is taken, so of two
    /// writers (threads or processes) exactly one wins and the file appears complete.
    /// </summary>
    public static bool TryCreate(string path, ReadOnlySpan<byte> content, string tempFolder)
    {
        if (File.Exists(path))
        {
            return false;
        }

        var temp = WriteTemp(content, tempFolder);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.Move(temp, path, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            return false;
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private static string WriteTemp(ReadOnlySpan<byte> content, string tempFolder)
    {
        Directory.CreateDirectory(tempFolder);
        var temp = Path.Combine(tempFolder, Guid.NewGuid().ToString("N") + ".tmp");
        using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
        {
            stream.Write(content);
            stream.Flush(flushToDisk: false);
        }

        return temp;
    }
}
