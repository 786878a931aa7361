using ContinuousImprovement.Core.Filing;
using ContinuousImprovement.Core.Storage;

using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ContinuousImprovement.Core.Tests.Filing;

public sealed class LabelFolderTests
{
    [Theory]
    [InlineData("T-shirt/top", "T-shirt%2Ftop")]
    [InlineData("T-shirt\uFF0Ftop", "T-shirt%2Ftop")]
    [InlineData("..", "%2E%2E")]
    [InlineData(".", "%2E")]
    [InlineData("\uFF0E\uFF0E", "%2E%2E")]
    [InlineData(".hidden", "%2Ehidden")]
    [InlineData("..a..", "%2E%2Ea..")]
    [InlineData("v1.2", "v1.2")]
    [InlineData("50%", "50%25")]
    [InlineData("%2F", "%252F")]
    [InlineData("a\\b", "a%5Cb")]
    [InlineData("None of the Above", "None of the Above")]
    [InlineData("aws_logo", "aws_logo")]
    [InlineData("Ankle boot", "Ankle boot")]
    [InlineData("caf\u00E9", "caf%C3%A9")]
    [InlineData("cafe\u0301", "caf%C3%A9")]
    [InlineData("\uD83D\uDE00", "%F0%9F%98%80")]
    [InlineData("a:b*c?\"<>|", "a%3Ab%2Ac%3F%22%3C%3E%7C")]
    [InlineData(" cat ", "cat")]
    public void Labels_encode_to_the_documented_folder_and_decode_back(string label, string folder)
    {
        Assert.True(LabelFolder.TryEncode(label, out var encoded, out var error), error);
        Assert.Equal(folder, encoded);
        LabelNormalization.TryNormalize(label, out var normalized, out _);
        Assert.Equal(normalized, LabelFolder.Decode(folder));
    }

    [Theory]
    [InlineData("", "is empty")]
    [InlineData("a\u0000", "U+0000")]
    [InlineData("\u00BD", "a character that NFKC rewrites")]
    public void Unusable_labels_have_no_folder(string label, string expected)
    {
        Assert.False(LabelFolder.TryEncode(label, out var folder, out var error));
        Assert.Equal(string.Empty, folder);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_label_whose_folder_would_exceed_the_key_budget_is_refused()
    {
        var label = new string('\u65E5', 57);

        Assert.False(LabelFolder.TryEncode(label, out _, out var error));
        Assert.Contains("needs a 513-character folder name once encoded; at most 512 fit", error, StringComparison.Ordinal);
        Assert.True(LabelFolder.TryEncode(new string('\u65E5', 56), out var folder, out _));
        Assert.Equal(504, folder.Length);
    }

    [Theory]
    [InlineData("", "folder name is empty")]
    [InlineData("T-shirt%2ftop", "not followed by two uppercase hex digits")]
    [InlineData("50%", "not followed by two uppercase hex digits")]
    [InlineData("a/b", "has the character U+002F at 1")]
    [InlineData("caf\u00E9", "has the character U+00E9 at 3")]
    [InlineData("..", "is not in canonical form: its label belongs in \"%2E%2E\"")]
    [InlineData(".x", "is not in canonical form")]
    [InlineData("%41", "is not in canonical form: its label belongs in \"A\"")]
    [InlineData("%20cat", "is not in canonical form: its label belongs in \"cat\"")]
    [InlineData("%EF%BC%8F", "is not in canonical form: its label belongs in \"%2F\"")]
    [InlineData("%C3", "does not decode to valid UTF-8 text")]
    [InlineData("%ED%A0%80", "does not decode to valid UTF-8 text")]
    [InlineData("%00", "decodes to a label that cannot be filed")]
    [InlineData("%C2%BD", "decodes to a label that cannot be filed")]
    public void Folders_that_encoding_never_produces_do_not_decode(string folder, string expected)
    {
        Assert.False(LabelFolder.TryDecode(folder, out var label, out var error));
        Assert.Equal(string.Empty, label);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => LabelFolder.Decode(folder));
    }

    [Property(MaxTest = 2000)]
    public Property Any_label_is_refused_with_a_reason_or_gets_a_folder_that_stays_under_the_prefix_and_decodes_back() =>
        Prop.ForAll(LabelGenerators.AnyLabel.ToArbitrary(), label =>
        {
            if (!LabelFolder.TryEncode(label, out var folder, out var error))
            {
                return folder.Length == 0 && error.Length > 0 && error.StartsWith("label ", StringComparison.Ordinal);
            }

            var key = $"{BucketLayout.LabeledImages}{folder}/x.png";
            LabelNormalization.TryNormalize(label, out var normalized, out _);
            return key.StartsWith(BucketLayout.LabeledImages, StringComparison.Ordinal)
                && key[BucketLayout.LabeledImages.Length..].IndexOf('/', StringComparison.Ordinal) == folder.Length
                && folder.Length is > 0 and <= LabelFolder.MaxFolderLength
                && !folder.Contains('/', StringComparison.Ordinal)
                && !folder.Contains('\\', StringComparison.Ordinal)
                && folder is not "." and not ".."
                && !folder.StartsWith('.')
                && folder.All(c => c is >= ' ' and <= '~')
                && LabelFolder.Decode(folder) == normalized;
        });

    [Property(MaxTest = 2000)]
    public Property Distinct_normalized_labels_get_distinct_folders_and_equal_ones_the_same() =>
        Prop.ForAll(LabelGenerators.NearbyLabels.ToArbitrary(), pair =>
        {
            var (a, b) = pair;
            if (!LabelFolder.TryEncode(a, out var folderA, out _) || !LabelFolder.TryEncode(b, out var folderB, out _))
            {
                return true;
            }

            LabelNormalization.TryNormalize(a, out var normalizedA, out _);
            LabelNormalization.TryNormalize(b, out var normalizedB, out _);
            return (normalizedA == normalizedB) == (folderA == folderB);
        });

    [Property(MaxTest = 1000)]
    public Property Normalization_is_idempotent() =>
        Prop.ForAll(LabelGenerators.AnyLabel.ToArbitrary(), label =>
            !LabelNormalization.TryNormalize(label, out var once, out _)
            || (LabelNormalization.TryNormalize(once, out var twice, out _) && once == twice));
}
