using System.Globalization;

using FsCheck;
using FsCheck.Fluent;

namespace ContinuousImprovement.Core.Tests.Events;

/// <summary>
/// Texts and JSON values that make matching rules meet their hard cases: shared prefixes and suffixes, case pairs
/// (including ones ordinal case-insensitivity treats specially), '*' and '\' inside values, numbers written alike.
/// </summary>
internal static class EventPatternGenerators
{
    private static readonly string[] Pieces =
    [
        "a", "A", "b", "B", "/", "_", "-", ".", " ", "1", "*", "\\", "é", "É", "ß", "İ", "ı", "ǅ", "\uD83D\uDE00", "images_for_detection/",
    ];

    /// <summary>Short strings from a small alphabet, so that prefixes, suffixes and equal texts occur often.</summary>
    public static readonly Gen<string> Text = Gen.Frequency(
        (6, Gen.Elements(Pieces).ListOf().Resize(6).Select(p => string.Concat(p))),
        (1, ArbMap.Default.GeneratorFor<string>().Select(s => s ?? string.Empty)));

    /// <summary>A text and another that often starts, ends with or equals it (or a case variant of it).</summary>
    public static readonly Gen<(string Pattern, string Value)> RelatedTexts = Gen.OneOf(
        Gen.Zip(Text, Text),
        Gen.Zip(Text, Text).Select(t => (t.Item1, t.Item1 + t.Item2)),
        Gen.Zip(Text, Text).Select(t => (t.Item1, t.Item2 + t.Item1)),
        Text.Select(t => (t, t)),
        Text.Select(t => (t, t.ToUpperInvariant())),
        Gen.Zip(Text, Text).Select(t => (t.Item1, t.Item1.ToLowerInvariant() + t.Item2)));

    /// <summary>Any JSON scalar, as its text: strings, numbers in several spellings, booleans, null.</summary>
    public static readonly Gen<string> Scalar = Gen.OneOf(
        Text.Select(PatternTesting.Str),
        Gen.Choose(-3, 3).Select(n => n.ToString(CultureInfo.InvariantCulture)),
        Gen.Choose(-3, 3).Select(n => n.ToString(CultureInfo.InvariantCulture) + ".0"),
        Gen.Choose(-3, 3).Select(n => (n * 10).ToString(CultureInfo.InvariantCulture) + "e-1"),
        Gen.Elements("true", "false", "null", "0.5", "1e300", "123456789012345678901234"));

    /// <summary>Finite doubles spread over small and large magnitudes, sometimes equal to each other.</summary>
    public static readonly Gen<double> Number = Gen.OneOf(
        Gen.Choose(-20, 20).Select(n => (double)n),
        Gen.Choose(-2000, 2000).Select(n => n / 16.0),
        ArbMap.Default.GeneratorFor<NormalFloat>().Select(f => f.Item));

    public static string Json(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
