using ContinuousImprovement.Core.Manifests;
using ContinuousImprovement.Core.Storage;

using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ContinuousImprovement.Core.Tests.Manifests;

public sealed class DatasetSplitTests
{
    private static ManifestEntry Entry(string key, params string[] labels) => new(new S3ObjectRef("b", key), labels);

    // Single-label entries over a handful of labels with distinct keys: the shape LabeledImages produces.
    private static Gen<ManifestEntry[]> SingleLabelEntries(string keyPrefix) =>
        Gen.Zip(Gen.Elements("cat", "dog", "emu", "T-shirt/top", "é"), Gen.Choose(0, 1_000_000))
            .ListOf()
            .Select(items => items
                .DistinctBy(item => item.Item2)
                .Select(item => Entry($"{keyPrefix}{item.Item1}/{item.Item2}.png", item.Item1))
                .ToArray());

    private static readonly string[] TriangleLabels = ["a", "b", "c"];

    private static readonly Gen<double> Fraction = Gen.Choose(0, 100).Select(p => p / 100.0);

    private static Dictionary<string, DatasetSide> Sides(DatasetSplitResult result) =>
        result.Train.Select(e => (e.Image.Uri, DatasetSide.Train))
            .Concat(result.Test.Select(e => (e.Image.Uri, DatasetSide.Test)))
            .ToDictionary(p => p.Uri, p => p.Item2);

    [Fact]
    public void Score_is_the_documented_sha256_prefix()
    {
        var hash = System.Security.Cryptography.SHA256.HashData("7:s3://b/k.png"u8);
        var expected = (System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(hash) >> 11) / (double)(1UL << 53);

        Assert.Equal(expected, DatasetSplit.Score("s3://b/k.png", 7));
        Assert.NotEqual(DatasetSplit.Score("s3://b/k.png", 7), DatasetSplit.Score("s3://b/k.png", 8));
    }

    [Fact]
    public void A_lopsided_label_moves_its_smallest_hash_image_to_the_other_side()
    {
        var entries = Enumerable.Range(0, 5).Select(i => Entry($"cat/{i}.png", "cat")).ToArray();

        var result = DatasetSplit.Assign(entries, 0, seed: 1);

        var smallest = entries.Select(e => e.Image.Uri).MinBy(uri => DatasetSplit.Score(uri, 1));
        Assert.Equal(smallest, Assert.Single(result.Test).Image.Uri);
        Assert.Equal(4, result.Train.Count);
        var adjustment = Assert.Single(result.Adjustments);
        Assert.Equal(new SplitAdjustment(smallest!, "cat", DatasetSide.Test), adjustment);
        Assert.Equal($"moved {smallest} to the test set so that label 'cat' has images on both sides", adjustment.Description);
    }

    [Fact]
    public void An_all_test_label_gives_its_smallest_hash_image_to_training()
    {
        var entries = Enumerable.Range(0, 3).Select(i => Entry($"dog/{i}.png", "dog")).ToArray();

        var result = DatasetSplit.Assign(entries, 1, seed: 3);

        Assert.Equal(entries.Select(e => e.Image.Uri).MinBy(uri => DatasetSplit.Score(uri, 3)), Assert.Single(result.Train).Image.Uri);
        Assert.Equal(DatasetSide.Train, Assert.Single(result.Adjustments).MovedTo);
    }

    [Fact]
    public void A_label_with_one_image_stays_where_its_hash_puts_it()
    {
        var result = DatasetSplit.Assign([Entry("emu/1.png", "emu")], 0, seed: 1);

        Assert.Single(result.Train);
        Assert.Empty(result.Adjustments);
        Assert.Empty(result.LabelsNotOnBothSides);
    }

    [Fact]
    public void Entries_of_the_same_image_stay_together()
    {
        var result = DatasetSplit.Assign([Entry("x.png", "cat"), Entry("x.png", "dog"), Entry("y.png", "cat")], 0, seed: 5);

        var sides = result.Test.Select(e => e.Image.Uri).Distinct().ToList();
        Assert.Single(sides);
        Assert.Equal(3, result.Train.Count + result.Test.Count);
        Assert.DoesNotContain(result.Train, e => e.Image.Uri == sides[0]);
    }

    [Fact]
    public void A_multi_label_move_that_would_unbalance_another_label_is_not_made()
    {
        // Label "a" = {x, y}, both train; label "b" = {x, z}; with fraction 0 everything starts in training,
        // "a" is fixed first by moving its smallest-hash image. "b" is then fixed, never undoing "a".
        var result = DatasetSplit.Assign([Entry("x.png", "a", "b"), Entry("y.png", "a"), Entry("z.png", "b")], 0, seed: 9);

        var sides = Sides(result);
        Assert.Empty(result.LabelsNotOnBothSides);
        Assert.NotEqual(sides["s3://b/x.png"], sides["s3://b/y.png"]);
        Assert.NotEqual(sides["s3://b/x.png"], sides["s3://b/z.png"]);
    }

    [Fact]
    public void An_impossible_multi_label_split_is_reported_not_hidden()
    {
        // Three images, three labels, each label on two of them: a triangle cannot be two-coloured.
        var result = DatasetSplit.Assign([Entry("x.png", "a", "c"), Entry("y.png", "a", "b"), Entry("z.png", "b", "c")], 0, seed: 2);

        Assert.NotEmpty(result.LabelsNotOnBothSides);
        var sides = Sides(result);
        foreach (var label in TriangleLabels.Except(result.LabelsNotOnBothSides))
        {
            var images = result.Train.Concat(result.Test).Where(e => e.Labels.Contains(label)).Select(e => sides[e.Image.Uri]).Distinct();
            Assert.Equal(2, images.Count());
        }
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.1)]
    [InlineData(double.NaN)]
    public void A_fraction_outside_zero_to_one_is_a_bug(double fraction) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => DatasetSplit.Assign([], fraction, 1));

    [Property]
    public Property Every_label_with_two_or_more_images_is_on_both_sides() =>
        Prop.ForAll(
            (from entries in SingleLabelEntries("k/") from fraction in Fraction from seed in Gen.Choose(0, 1000) select (entries, fraction, seed)).ToArbitrary(),
            input =>
        {
            var (entries, fraction, seed) = input;
            var result = DatasetSplit.Assign(entries, fraction, seed);
            var sides = Sides(result);

            Assert.Empty(result.LabelsNotOnBothSides);
            Assert.Equal(entries.Length, result.Train.Count + result.Test.Count);
            foreach (var group in entries.GroupBy(e => e.Labels[0]).Where(g => g.Count() >= 2))
            {
                Assert.Equal(2, group.Select(e => sides[e.Image.Uri]).Distinct().Count());
            }
        });

    [Property]
    public Property Adding_images_moves_no_old_image_except_those_the_fix_up_moved_in_either_split() =>
        Prop.ForAll(
            (from old in SingleLabelEntries("old/")
             from added in SingleLabelEntries("new/")
             from fraction in Fraction
             from seed in Gen.Choose(0, 1000)
             select (old, added, fraction, seed)).ToArbitrary(),
            input =>
        {
            var (old, added, fraction, seed) = input;
            var before = DatasetSplit.Assign(old, fraction, seed);
            var after = DatasetSplit.Assign(old.Concat(added), fraction, seed);

            var fixedUp = before.Adjustments.Concat(after.Adjustments).Select(a => a.SourceRef).ToHashSet();
            var sidesBefore = Sides(before);
            var sidesAfter = Sides(after);
            foreach (var entry in old.Where(e => !fixedUp.Contains(e.Image.Uri)))
            {
                Assert.Equal(sidesBefore[entry.Image.Uri], sidesAfter[entry.Image.Uri]);
            }

            // The fix-up is bounded: it moves at most one image per label.
            Assert.True(after.Adjustments.Count <= after.Adjustments.Select(a => a.Label).Distinct().Count());
        });

    [Property]
    public Property The_split_does_not_depend_on_entry_order() =>
        Prop.ForAll(
            (from entries in SingleLabelEntries("k/")
             from shuffled in Gen.Shuffle(entries)
             from fraction in Fraction
             select (entries, shuffled.ToArray(), fraction)).ToArbitrary(),
            input =>
        {
            var (entries, shuffled, fraction) = input;

            Assert.Equal(Sides(DatasetSplit.Assign(entries, fraction, 42)), Sides(DatasetSplit.Assign(shuffled, fraction, 42)));
        });

    [Property(MaxTest = 20)]
    public Property The_test_fraction_is_approximately_respected_on_large_sets() =>
        Prop.ForAll(
            (from percent in Gen.Choose(5, 95) from seed in Gen.Choose(0, int.MaxValue) select (percent, seed)).ToArbitrary(),
            input =>
        {
            var (percent, seed) = input;
            var entries = Enumerable.Range(0, 4000).Select(i => Entry($"images_labeled_by_folder/l{i % 7}/{i}.png", $"l{i % 7}")).ToArray();

            var result = DatasetSplit.Assign(entries, percent / 100.0, seed);

            // Binomial standard deviation is at most sqrt(0.25 / 4000) ≈ 0.008; 0.04 is five of them.
            Assert.InRange(result.Test.Count / 4000.0, (percent / 100.0) - 0.04, (percent / 100.0) + 0.04);
        });
}
