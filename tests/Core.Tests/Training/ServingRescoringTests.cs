using ContinuousImprovement.Core.Manifests;
using ContinuousImprovement.Core.Ports;
using ContinuousImprovement.Core.Storage;
using ContinuousImprovement.Core.Training;

using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ContinuousImprovement.Core.Tests.Training;

public sealed class ServingRescoringTests
{
    private const string Arn = "arn:aws:rekognition:us-east-1:1:project/ci/version/serving/1";

    private static readonly ManifestOptions Options = new(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Scores_the_worked_example_of_the_documentation()
    {
        var text = GroundTruthManifest.Write([Entry("cat/1.png", "cat"), Entry("cat/2.png", "cat"), Entry("dog/3.png", "dog"), Entry("dog/4.png", "dog")], Options)
            + "{oops\n"
            + GroundTruthManifest.Write([Entry("cat/1.png", "cat")], Options);

        var sample = ServingRescoring.Sample(GroundTruthManifest.Read(text));
        var answers = new Dictionary<string, string?> { ["1.png"] = "cat", ["2.png"] = "dog", ["3.png"] = "dog" };
        var results = sample.Images
            .Select(i => answers.TryGetValue(i.Image.FileName, out var label) ? RescoredImage.Detected(i, label) : RescoredImage.Skipped(i, "Port.NotFound: gone"))
            .ToList();
        var score = ServingRescoring.Score(Arn, sample, results);

        Assert.Equal(["cat/1.png", "cat/2.png", "dog/3.png", "dog/4.png"], sample.Images.Select(i => i.Image.Key));
        Assert.Equal(2.0 / 3, score.F1!.Value, 12);
        Assert.Equal((4, 4, 3, 1, 2), (score.TestImages, score.Sampled, score.Scored, score.Skipped, score.LinesLeftOut));
        Assert.Null(score.NotScoredBecause);
        Assert.Equal("on 3 of the same 4 test images", score.OnImages());
        Assert.Equal(
            $"1 test image could not be scored (first: \"s3://b/dog/4.png\": Port.NotFound: gone); 2 manifest lines were not usable (e.g. line 5: {GroundTruthManifest.Read("{oops").Errors[0].Reason})",
            score.LeftOut());
    }

    [Fact]
    public void A_multi_label_line_is_left_out_with_its_labels_named()
    {
        var sample = ServingRescoring.Sample(new ManifestReadResult([Entry("a.png", "cat", "dog"), Entry("b.png", "cat")], []));

        Assert.Equal(["b.png"], sample.Images.Select(i => i.Image.Key));
        Assert.Equal((1, 1), (sample.TestImages, sample.LinesLeftOut));
        Assert.Equal("\"s3://b/a.png\" labelled \"cat\" and \"dog\"; only single-label images are scored", sample.LeftOutExample);
    }

    [Fact]
    public void Above_the_cap_a_fixed_sample_of_the_smallest_hashes_is_scored_in_manifest_order()
    {
        var entries = Enumerable.Range(1, 5).Select(n => Entry($"img-{n}.png", n % 2 == 0 ? "cat" : "dog")).ToList();
        var expected = entries
            .OrderBy(e => DatasetSplit.Score(e.Image.Uri, ServingRescoring.SampleSeed))
            .Take(3)
            .Select(e => e.Image.Key)
            .Order(StringComparer.Ordinal);

        var sample = ServingRescoring.Sample(new ManifestReadResult(entries, []), maxImages: 3);
        var score = ServingRescoring.Score(Arn, sample, sample.Images.Select(i => RescoredImage.Detected(i, i.Truth)).ToList());

        Assert.Equal(expected, sample.Images.Select(i => i.Image.Key));
        Assert.Equal((5, 3), (score.TestImages, score.Sampled));
        Assert.Equal("on 3 of the same 5 test images (a fixed sample)", score.OnImages());
        Assert.Null(score.LeftOut());
    }

    [Fact]
    public void When_no_image_could_be_scored_there_is_no_f1_and_the_first_problem_says_why()
    {
        var sample = ServingRescoring.Sample(new ManifestReadResult([Entry("a.png", "cat"), Entry("b.png", "dog")], []));

        var score = ServingRescoring.Score(Arn, sample, sample.Images.Select(i => RescoredImage.Skipped(i, "Port.Invalid: not an image")).ToList());

        Assert.Null(score.F1);
        Assert.Equal((0, 2), (score.Scored, score.Skipped));
        Assert.Equal("none of the 2 test images chosen could be scored (first: \"s3://b/a.png\": Port.Invalid: not an image)", score.NotScoredBecause);
    }

    [Fact]
    public void Not_one_result_per_chosen_image_is_a_bug()
    {
        var sample = ServingRescoring.Sample(new ManifestReadResult([Entry("a.png", "cat")], []));

        Assert.Throws<ArgumentException>(() => ServingRescoring.Score(Arn, sample, []));
    }

    [Fact]
    public void Not_scored_keeps_what_the_manifest_said()
    {
        var sample = ServingRescoring.Sample(new ManifestReadResult([Entry("a.png", "cat", "dog")], [new ManifestLineError(2, "not valid JSON")]));

        var score = ServingRescoring.NotScored(Arn, "the test manifest lists no image that can be scored", sample);

        Assert.Equal(new ServingRescore(Arn, null, 0, 0, 0, 0, null, 2, "line 2: not valid JSON", "the test manifest lists no image that can be scored"), score);
    }

    [Theory]
    [InlineData(PortFailure.NotFound, true)]
    [InlineData(PortFailure.Invalid, true)]
    [InlineData(PortFailure.Throttled, false)]
    [InlineData(PortFailure.Unavailable, false)]
    [InlineData(PortFailure.Timeout, false)]
    [InlineData(PortFailure.NotReady, false)]
    [InlineData(PortFailure.Conflict, false)]
    [InlineData(PortFailure.AccessDenied, false)]
    public void Only_a_gone_or_unreadable_image_is_skipped_every_other_failure_propagates(PortFailure failure, bool skipped) =>
        Assert.Equal(skipped, ServingRescoring.SkipsImage(failure));

    private static readonly Gen<List<ManifestEntry>> Entries =
        Gen.Choose(1, 60).Select(n => Entry($"img-{n}.png", n % 3 == 0 ? "cat" : "dog")).ListOf().Select(l => l.DistinctBy(e => e.Image.Uri).ToList());

    [Property]
    public Property The_sample_is_at_most_the_cap_and_does_not_depend_on_line_order() =>
        Prop.ForAll(
            (from entries in Entries from shuffled in Gen.Shuffle(entries.ToArray()) from cap in Gen.Choose(1, 30) select (entries, shuffled, cap)).ToArbitrary(),
            input =>
            {
                var sample = ServingRescoring.Sample(new ManifestReadResult(input.entries, []), input.cap);
                var again = ServingRescoring.Sample(new ManifestReadResult(input.shuffled, []), input.cap);

                Assert.Equal(Math.Min(input.entries.Count, input.cap), sample.Images.Count);
                Assert.Equal(input.entries.Count, sample.TestImages);
                Assert.All(sample.Images, i => Assert.Contains(input.entries, e => e.Image == i.Image && e.Labels[0] == i.Truth));
                Assert.Equal(sample.Images.Select(i => i.Image.Uri).Order(StringComparer.Ordinal), again.Images.Select(i => i.Image.Uri).Order(StringComparer.Ordinal));
            });

    [Property]
    public Property An_image_chosen_from_a_grown_test_set_is_chosen_from_any_smaller_one_that_lists_it() =>
        Prop.ForAll(
            (from grown in Entries from kept in Gen.SubListOf<ManifestEntry>(grown) from cap in Gen.Choose(1, 30) select (grown, kept, cap)).ToArbitrary(),
            input =>
            {
                var fromGrown = ServingRescoring.Sample(new ManifestReadResult(input.grown, []), input.cap).Images.Select(i => i.Image.Uri);
                var fromKept = ServingRescoring.Sample(new ManifestReadResult(input.kept.ToList(), []), input.cap).Images.Select(i => i.Image.Uri).ToHashSet();

                Assert.All(fromGrown.Where(uri => input.kept.Any(e => e.Image.Uri == uri)), uri => Assert.Contains(uri, fromKept));
            });

    [Property]
    public Property The_score_is_the_macro_f1_of_the_scored_images_and_every_chosen_image_is_counted_once() =>
        Prop.ForAll(
            (from entries in Entries
             from answers in Gen.ListOf(Gen.Elements<string?>("cat", "dog", null, "skip"), entries.Count)
             select (entries, answers)).ToArbitrary(),
            input =>
            {
                var sample = ServingRescoring.Sample(new ManifestReadResult(input.entries, []));
                var results = sample.Images.Zip(input.answers, (i, a) => a == "skip" ? RescoredImage.Skipped(i, "Port.NotFound: gone") : RescoredImage.Detected(i, a)).ToList();

                var score = ServingRescoring.Score(Arn, sample, results);

                var scored = results.Where(r => r.Problem is null).Select(r => (r.Image.Truth, r.Predicted)).ToList();
                Assert.Equal(sample.Images.Count, score.Scored + score.Skipped);
                Assert.Equal(scored.Count, score.Scored);
                Assert.Equal(scored.Count == 0 ? null : ModelEvaluation.From(scored).MacroF1, score.F1);
                Assert.Equal(score.F1 is null, score.NotScoredBecause is not null);
            });

    private static ManifestEntry Entry(string key, params string[] labels) => new(new S3ObjectRef("b", key), labels);
}
