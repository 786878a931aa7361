using System.Runtime.InteropServices;

namespace ContinuousImprovement.Local.Adapters;

/// <summary>POSIX <c>link(2)</c>: the one create-if-absent the kernel makes atomic for a finished file.</summary>
internal static partial class HardLink
{
    private const int AlreadyExists = 17; // EEXIST on Linux and macOS

    /// <summary>Links <paramref name="existing"/> as <paramref name="newPath"/>; false when that name is taken.</summary>
    public static bool TryCreate(string existing, string newPath)
    {
        if (Link(existing, newPath) == 0)
        {
            return true;
        }

        var error = Marshal.GetLastPInvokeError();
        return error == AlreadyExists
            ? false
            : throw new IOException($"Could not link {existing} as {newPath}: {Marshal.GetPInvokeErrorMessage(error)} (errno {error}).");
    }

    [LibraryImport("libc", EntryPoint = "link", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Link(string existing, string newPath);
}
