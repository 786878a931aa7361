namespace ContinuousImprovement.Host.Tests.Aot;

public sealed class GlibcRequirementTests
{
    private static readonly Version Al2023 = new(2, 34);

    [Fact]
    public void Symbols_bound_to_a_newer_or_unnumbered_glibc_are_named_with_their_library()
    {
        VersionNeed[] needs =
        [
            new("libc.so.6", "GLIBC_2.2.5", ["memcpy"]),
            new("libc.so.6", "GLIBC_2.34", ["__libc_start_main", "pthread_create"]),
            new("libc.so.6", "GLIBC_2.35", ["__rseq_offset"]),
            new("libm.so.6", "GLIBC_2.38", ["fmaxf"]),
            new("libc.so.6", "GLIBC_PRIVATE", ["_dl_x"]),
            new("libstdc++.so.6", "GLIBCXX_3.4.30", ["_ZSt4cout"]),
        ];

        Assert.Equal(["__rseq_offset@GLIBC_2.35 (libc.so.6)", "fmaxf@GLIBC_2.38 (libm.so.6)", "_dl_x@GLIBC_PRIVATE (libc.so.6)"], GlibcRequirement.Offenders(needs, Al2023));
        Assert.Equal(new Version(2, 38), GlibcRequirement.Newest(needs));
    }

    [Fact]
    public void A_binary_needing_2_34_at_most_has_no_offenders()
    {
        VersionNeed[] needs = [new("libc.so.6", "GLIBC_2.34", ["dlopen"]), new("libc.so.6", "GLIBC_2.3.4", ["__sprintf_chk"])];

        Assert.Empty(GlibcRequirement.Offenders(needs, Al2023));
    }
}
