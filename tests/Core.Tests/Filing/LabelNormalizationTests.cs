using System.Text;

using ContinuousImprovement.Core.Filing;

namespace ContinuousImprovement.Core.Tests.Filing;

public sealed class LabelNormalizationTests
{
    /// <summary>
    /// Why the tables exist: with InvariantGlobalization, string.Normalize silently returns its input. If this test
    /// starts failing, the runtime normalizes again and the tables could be replaced by it.
    /// </summary>
    [Fact]
    public void String_normalize_is_a_silent_no_op_under_invariant_globalization()
    {
        Assert.Equal("T-shirt\uFF0Ftop", "T-shirt\uFF0Ftop".Normalize(NormalizationForm.FormKC));
        Assert.Equal("e\u0301", "e\u0301".Normalize(NormalizationForm.FormKC));
        Assert.True("\uFF0F".IsNormalized(NormalizationForm.FormKC));
    }

    [Theory]
    [InlineData("cat", "cat")]
    [InlineData("  cat \t", "cat")]
    [InlineData("T-shirt\uFF0Ftop", "T-shirt/top")]
    [InlineData("\uFF23\uFF21\uFF34", "CAT")]
    [InlineData("\uFF0E\uFF0E", "..")]
    [InlineData("\uFE52\u2025", "...")]
    [InlineData("a\uFF3Cb", "a\\b")]
    [InlineData("50\uFF05", "50%")]
    [InlineData("\u3000cat\u00A0dog\u3000", "cat dog")]
    [InlineData("\uFB01sh", "fish")]
    [InlineData("x\u00B2", "x2")]
    [InlineData("\u212A", "K")]
    [InlineData("\uD835\uDC00pple", "Apple")]
    [InlineData("caf\u0065\u0301", "caf\u00E9")]
    [InlineData("\u1100\u1161\u11A8", "\uAC01")]
    [InlineData("\u0BC6\u0BBE", "\u0BCA")]
    [InlineData("a\u0323\u0302", "\u1EAD")]
    [InlineData("a\u0302\u0323", "\u1EAD")]
    [InlineData("\u05D0\u05B1\u05B0", "\u05D0\u05B0\u05B1")]
    [InlineData("\u0915\u093C", "\u0915\u093C")]
    [InlineData("pa\u200Cn", "pa\u200Cn")]
    [InlineData("\uD83D\uDE00", "\uD83D\uDE00")]
    public void Labels_are_nfkc_normalized_and_trimmed(string label, string expected)
    {
        Assert.True(LabelNormalization.TryNormalize(label, out var normalized, out var error), error);
        Assert.Equal(expected, normalized);
    }

    [Theory]
    [InlineData("", "is empty or only white space")]
    [InlineData(" \t\u3000\u00A0 ", "is empty or only white space")]
    [InlineData("a\u0000b", "contains the control or invisible character U+0000")]
    [InlineData("a\nb", "contains the control or invisible character U+000A")]
    [InlineData("a\u007Fb", "U+007F")]
    [InlineData("a\u202Eb", "U+202E")]
    [InlineData("a\u2028b", "U+2028")]
    [InlineData("a\u200Bb", "U+200B")]
    [InlineData("a\uFEFFb", "U+FEFF")]
    [InlineData("\u0378", "contains U+0378, not an assigned character in Unicode 17.0.0")]
    [InlineData("\u00BD", "contains U+00BD, a character that NFKC rewrites, and not into plain ASCII")]
    [InlineData("\u01C4", "contains U+01C4, a character that NFKC rewrites")]
    [InlineData("\u2126", "contains U+2126, a character that NFKC rewrites")]
    [InlineData("\u0958", "contains U+0958, a character that NFKC rewrites")]
    public void Unusable_labels_are_refused_with_a_reason(string label, string expected)
    {
        Assert.False(LabelNormalization.TryNormalize(label, out var normalized, out var error));
        Assert.Equal(string.Empty, normalized);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Unpaired_surrogates_are_refused_as_not_text()
    {
        // Built in code: xunit's theory data serialization would replace a lone surrogate with U+FFFD.
        var high = new string(['a', (char)0xD800, 'b']);
        var low = new string(['a', (char)0xDC00]);

        Assert.False(LabelNormalization.TryNormalize(high, out _, out var error));
        Assert.Contains("contains U+D800, an unpaired surrogate", error, StringComparison.Ordinal);
        Assert.Contains("\\u{D800}", error, StringComparison.Ordinal);
        Assert.False(LabelNormalization.TryNormalize(low, out _, out error));
        Assert.Contains("contains U+DC00, an unpaired surrogate", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Labels_may_have_128_characters_after_normalization_and_no_more()
    {
        Assert.True(LabelNormalization.TryNormalize(new string('a', 128), out _, out _));
        Assert.True(LabelNormalization.TryNormalize("  " + string.Concat(Enumerable.Repeat("\uD83D\uDE00", 128)) + "  ", out _, out _));
        Assert.True(LabelNormalization.TryNormalize(string.Concat(Enumerable.Repeat("e\u0301", 128)), out _, out _));

        Assert.False(LabelNormalization.TryNormalize(new string('a', 129), out _, out var error));
        Assert.Contains("is 129 characters long after normalization; at most 128 are allowed", error, StringComparison.Ordinal);
        Assert.False(LabelNormalization.TryNormalize(new string('\uFB01', 65), out _, out error));
        Assert.Contains("is 130 characters long", error, StringComparison.Ordinal);
    }
}
