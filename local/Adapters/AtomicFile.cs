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
    /// Creates <paramref name="path"/> only if nothing is there; false when it exists. Of two writers
    /// (threads or processes) exactly one wins and the file appears complete: on Unix the temporary file is
    /// hard-linked into place, which the kernel refuses when the name is taken. .NET's own no-overwrite move
    /// is a check followed by a rename there, so two racing writers could both "win".
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
            if (OperatingSystem.IsWindows())
            {
                // MoveFileEx without REPLACE_EXISTING is atomic on Windows.
                File.Move(temp, path, overwrite: false);
                return true;
            }

            return HardLink.TryCreate(temp, path);
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
