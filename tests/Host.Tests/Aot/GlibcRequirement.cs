namespace ContinuousImprovement.Host.Tests.Aot;

/// <summary>Which of an executable's needed symbols a given glibc (Amazon Linux 2023 has 2.34) cannot provide.</summary>
public static class GlibcRequirement
{
    /// <summary>
    /// <c>symbol@GLIBC_x.y (library)</c> for every symbol bound to a glibc version newer than
    /// <paramref name="available"/>, or to a glibc version with no number (GLIBC_PRIVATE): those only
    /// the very glibc the binary was linked against promises.
    /// </summary>
    public static IReadOnlyList<string> Offenders(IEnumerable<VersionNeed> needs, Version available) =>
        [.. needs.Where(n => n.Version.StartsWith("GLIBC_", StringComparison.Ordinal) && (n.GlibcVersion is not { } v || v > available))
            .SelectMany(n => n.Symbols.DefaultIfEmpty("(no symbol)").Select(s => $"{s}@{n.Version} ({n.Library})"))];

    public static Version? Newest(IEnumerable<VersionNeed> needs) => needs.Select(n => n.GlibcVersion).OfType<Version>().DefaultIfEmpty().Max();
}
