using ContinuousImprovement.Core.Manifests;
using ContinuousImprovement.Core.Storage;

using FsCheck;
using FsCheck.Fluent;

namespace ContinuousImprovement.Core.Tests.Manifests;

/// <summary>Generators for arbitrary (valid Unicode) labels, keys and manifest entries.</summary>
internal static class ManifestGenerators
{
    // Any Unicode scalar value, weighted towards printable ASCII so that shrinking yields readable cases.
    // Lone surrogates are excluded: S3 keys and label folders are UTF-8, which cannot carry them.
    private static readonly Gen<string> ScalarValue = Gen.Frequency(
        (4, Gen.Choose(0x20, 0x7E)),
        (1, Gen.Choose(0, 0xD7FF)),
        (1, Gen.Choose(0xE000, 0x10FFFF)))
        .Select(char.ConvertFromUtf32);

    public static Gen<string> Text(int minLength, int maxLength) =>
        Gen.Choose(minLength, maxLength).SelectMany(n => ScalarValue.ListOf(n)).Select(string.Concat);

    public static readonly Gen<string> Bucket =
        Gen.Elements("my-bucket", "b", "custom-labels-console-us-east-1-0123456789", "a.b-c");

    public static readonly Gen<ManifestEntry> Entry =
        from bucket in Bucket
        from key in Text(1, 20)
        from labels in Text(1, 8).NonEmptyListOf().Select(l => l.Take(4).ToList())
        select new ManifestEntry(new S3ObjectRef(bucket, key), labels);

    public static readonly Arbitrary<ManifestEntry[]> Entries = Entry.ArrayOf().ToArbitrary();
}
