namespace ContinuousImprovement.Host.Tests.Aot;

/// <summary>One symbol version an ELF executable needs from a shared library, and the symbols bound to it.</summary>
public sealed record VersionNeed(string Library, string Version, IReadOnlyList<string> Symbols)
{
    /// <summary>2.34 for <c>GLIBC_2.34</c>; null when the version is not a numbered glibc one.</summary>
    public Version? GlibcVersion =>
        Version.StartsWith("GLIBC_", StringComparison.Ordinal) && System.Version.TryParse(Version["GLIBC_".Length..], out var parsed) ? parsed : null;
}
