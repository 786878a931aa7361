using ContinuousImprovement.Core.Manifests;

using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ContinuousImprovement.Core.Tests.Manifests;

public sealed class GroundTruthManifestReadTests
{
    private const string Metadata =
        """{"confidence":1,"job-name":"j","class-name":"cat","human-annotated":"yes","creation-date":"2026-01-01T00:00:00.000000","type":"groundtruth/image-classification"}""";

    private const string GoodLine = """{"source-ref":"s3://b/k/1.png","label":0,"label-metadata":""" + Metadata + "}";

    [Theory]
    [InlineData("classification-single-label.doc-verbatim.manifest", "s3://custom-labels-console-us-east-1-nnnnnnnnnn/gt-job/manifest/IMG_1133.png", "Echo Dot")]
    [InlineData("classification-multi-label.doc-derived.manifest", "s3://bucket/images/match1.jpg", "football|ball")]
    [InlineData("classification-two-classes.SYNTHESIZED.manifest", "s3://my-bucket/images_labeled_by_folder/aws_logo/aws-1.png", "aws_logo")]
    public void Reads_the_real_examples_first_line(string file, string sourceRef, string labels)
    {
        var result = GroundTruthManifest.Read(SharedContracts.Read("manifests", file));

        Assert.Empty(result.Errors);
        Assert.Equal(sourceRef, result.Entries[0].Image.Uri);
        Assert.Equal(labels.Split('|'), result.Entries[0].Labels);
    }

    [Fact]
    public void Takes_class_names_not_indexes_when_a_file_gives_two_classes_the_same_index()
    {
        var result = GroundTruthManifest.Read(SharedContracts.Read("manifests", "classification-two-classes.SYNTHESIZED.manifest"));

        Assert.Equal(["aws_logo", "amazon_logo"], result.Entries.Select(e => e.Labels.Single()));
        Assert.Equal("images_labeled_by_folder/amazon_logo/amazon-1.png", result.Entries[1].Image.Key);
        Assert.Equal("my-bucket", result.Entries[1].Image.Bucket);
    }

    [Fact]
    public void Every_example_manifest_reads_without_errors()
    {
        var files = Directory.GetFiles(SharedContracts.Path("manifests"), "*.manifest");

        Assert.NotEmpty(files);
        Assert.All(files, file =>
        {
            var result = GroundTruthManifest.Read(File.ReadAllText(file));
            Assert.Empty(result.Errors);
            Assert.NotEmpty(result.Entries);
            Assert.All(result.Entries, e => Assert.All(e.Labels, l => Assert.False(string.IsNullOrWhiteSpace(l))));
        });
    }

    [Fact]
    public void Bad_lines_are_reported_with_their_line_number_and_good_lines_still_read()
    {
        var text = string.Join('\n',
            GoodLine,
            "",
            "{not json",
            """["an","array"]""",
            """{"label":0,"label-metadata":""" + Metadata + "}",
            """{"source-ref":"https://b/k.png","label":0,"label-metadata":""" + Metadata + "}",
            """{"source-ref":"s3://b/k/2.png","bbox":{},"bbox-metadata":{"type":"groundtruth/object-detection","class-map":{"0":"cat"}}}""",
            """{"source-ref":"s3://b/k/3.png","label":0,"label-metadata":{"type":"groundtruth/image-classification"}}""",
            "   ",
            GoodLine.Replace("k/1.png", "k/4.png", StringComparison.Ordinal));

        var result = GroundTruthManifest.Read(text);

        Assert.Equal(["s3://b/k/1.png", "s3://b/k/4.png"], result.Entries.Select(e => e.Image.Uri));
        Assert.Equal([3, 4, 5, 6, 7, 8], result.Errors.Select(e => e.LineNumber));
        Assert.StartsWith("not valid JSON", result.Errors[0].Reason, StringComparison.Ordinal);
        Assert.Equal("not a JSON object but a JSON array", result.Errors[1].Reason);
        Assert.Equal("no \"source-ref\" string", result.Errors[2].Reason);
        Assert.Contains("'https://b/k.png' is not an s3://bucket/key URI", result.Errors[3].Reason, StringComparison.Ordinal);
        Assert.StartsWith("no image-classification label", result.Errors[4].Reason, StringComparison.Ordinal);
        Assert.Equal("\"label-metadata\" has no class-name", result.Errors[5].Reason);
    }

    [Fact]
    public void Windows_line_ends_and_a_byte_order_mark_are_accepted()
    {
        var result = GroundTruthManifest.Read("\uFEFF" + GoodLine + "\r\n" + GoodLine + "\r\n");

        Assert.Empty(result.Errors);
        Assert.Equal(2, result.Entries.Count);
    }

    [Fact]
    public void An_empty_manifest_has_no_entries_and_no_errors()
    {
        var result = GroundTruthManifest.Read("\n\n");

        Assert.Empty(result.Entries);
        Assert.Empty(result.Errors);
    }

    [Property]
    public Property Write_then_read_gives_back_every_entry_and_its_distinct_labels_in_order() =>
        Prop.ForAll(ManifestGenerators.Entries, entries =>
        {
            var read = GroundTruthManifest.Read(GroundTruthManifest.Write(entries, new ManifestOptions(DateTimeOffset.UnixEpoch)));

            Assert.Empty(read.Errors);
            Assert.Equal(entries.Length, read.Entries.Count);
            for (var i = 0; i < entries.Length; i++)
            {
                Assert.Equal(entries[i].Image.Bucket, read.Entries[i].Image.Bucket);
                Assert.Equal(entries[i].Image.Key, read.Entries[i].Image.Key);
                Assert.Equal(entries[i].Labels.Distinct(StringComparer.Ordinal), read.Entries[i].Labels);
            }
        });
}
