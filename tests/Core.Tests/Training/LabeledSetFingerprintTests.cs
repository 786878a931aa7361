using ContinuousImprovement.Core.Training;

using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ContinuousImprovement.Core.Tests.Training;

public sealed class LabeledSetFingerprintTests
{
    [Fact]
    public void The_empty_set_is_the_sha256_of_nothing() =>
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", LabeledSetFingerprint.Of([]));

    [Fact]
    public void One_key_is_hashed_with_its_length_prefix()
    {
        // 00 00 00 01 'a'
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData([0, 0, 0, 1, (byte)'a']));

        Assert.Equal(expected, LabeledSetFingerprint.Of(["a"]));
    }

    [Fact]
    public void Keys_that_concatenate_alike_are_different_sets() =>
        Assert.NotEqual(LabeledSetFingerprint.Of(["ab", "c"]), LabeledSetFingerprint.Of(["a", "bc"]));

    [Fact]
    public void Moving_an_image_to_another_label_folder_changes_the_fingerprint() =>
        Assert.NotEqual(
            LabeledSetFingerprint.Of(["images_labeled_by_folder/cat/1.png"]),
            LabeledSetFingerprint.Of(["images_labeled_by_folder/dog/1.png"]));

    [Property]
    public Property Order_and_duplicates_do_not_matter() =>
        Prop.ForAll(
            (from keys in ArbMap.Default.GeneratorFor<NonNull<string>[]>().Select(k => k.Select(s => s.Get).ToArray())
             from shuffled in Gen.Shuffle(keys.Concat(keys.Take(2)))
             select (keys, shuffled)).ToArbitrary(),
            input => Assert.Equal(LabeledSetFingerprint.Of(input.keys), LabeledSetFingerprint.Of(input.shuffled)));

    [Property]
    public Property Adding_a_new_key_changes_the_fingerprint() =>
        Prop.ForAll(
            ArbMap.Default.ArbFor<NonNull<string>[]>(),
            ArbMap.Default.ArbFor<NonNull<string>>(),
            (keys, extra) =>
            {
                var set = keys.Select(k => k.Get).ToList();
                // Keys come from S3 listings, so they are valid Unicode; a lone surrogate would encode as U+FFFD.
                var valid = set.Append(extra.Get).All(k => System.Text.Encoding.UTF8.GetString(System.Text.Encoding.UTF8.GetBytes(k)) == k);
                return Prop.When(valid && !set.Contains(extra.Get), () =>
                    Assert.NotEqual(LabeledSetFingerprint.Of(set), LabeledSetFingerprint.Of([.. set, extra.Get])));
            });
}
