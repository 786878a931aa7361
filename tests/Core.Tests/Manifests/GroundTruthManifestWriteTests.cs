using ContinuousImprovement.Core.Manifests;
using ContinuousImprovement.Core.Storage;

namespace ContinuousImprovement.Core.Tests.Manifests;

public sealed class GroundTruthManifestWriteTests
{
    private static readonly DateTimeOffset NewYear = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static ManifestEntry Entry(string key, params string[] labels) => new(new S3ObjectRef("my-bucket", key), labels);

    [Fact]
    public void Writes_the_ground_truth_line_shape_with_indexes_from_the_sorted_label_set()
    {
        var text = GroundTruthManifest.Write(
            [Entry("images_labeled_by_folder/aws_logo/aws-1.png", "aws_logo"), Entry("images_labeled_by_folder/amazon_logo/amazon-1.png", "amazon_logo")],
            new ManifestOptions(NewYear, "brand", "labeling-job/brand"));

        Assert.Equal(
            """{"source-ref":"s3://my-bucket/images_labeled_by_folder/aws_logo/aws-1.png","brand":1,"brand-metadata":{"confidence":1,"job-name":"labeling-job/brand","class-name":"aws_logo","human-annotated":"yes","creation-date":"2026-01-01T00:00:00.000000","type":"groundtruth/image-classification"}}"""
            + "\n"
            + """{"source-ref":"s3://my-bucket/images_labeled_by_folder/amazon_logo/amazon-1.png","brand":0,"brand-metadata":{"confidence":1,"job-name":"labeling-job/brand","class-name":"amazon_logo","human-annotated":"yes","creation-date":"2026-01-01T00:00:00.000000","type":"groundtruth/image-classification"}}"""
            + "\n",
            text);
    }

    [Fact]
    public void Writes_the_documented_example_line_byte_for_byte_but_for_the_confidence_of_a_human_label()
    {
        // The Rekognition documentation's line, from ../shared/aws/manifests; its 0.95 is a labeling job's score, where
        // a label a reviewer gave is certain.
        var documented = SharedContracts.Read("manifests", "classification-single-label.doc-verbatim.manifest").Split('\n')[0];
        var image = new S3ObjectRef("custom-labels-console-us-east-1-nnnnnnnnnn", "gt-job/manifest/IMG_1133.png");
        var at = new DateTimeOffset(2020, 4, 15, 20, 17, 23, TimeSpan.Zero).AddTicks(4330610);

        var written = GroundTruthManifest.Write([new ManifestEntry(image, ["Echo Dot"])], new ManifestOptions(at, "TestCLConsoleBucket", "labeling-job/testclconsolebucket"));

        Assert.Equal(documented.Replace("\"confidence\":0.95", "\"confidence\":1", StringComparison.Ordinal) + "\n", written);
    }

    [Fact]
    public void Multi_label_lines_number_the_attribute_from_zero_and_default_names_apply()
    {
        var text = GroundTruthManifest.Write([Entry("images/match1.jpg", "football", "ball")], new ManifestOptions(NewYear));

        static string Label(int n, int index, string name) =>
            $$"""
            "label{{n}}":{{index}},"label{{n}}-metadata":{"confidence":1,"job-name":"continuous-improvement/labeled-by-folder","class-name":"{{name}}","human-annotated":"yes","creation-date":"2026-01-01T00:00:00.000000","type":"groundtruth/image-classification"}
            """;
        Assert.Equal(
            """{"source-ref":"s3://my-bucket/images/match1.jpg",""" + Label(0, 1, "football") + "," + Label(1, 0, "ball") + "}\n",
            text);
    }

    [Fact]
    public void Class_index_follows_ordinal_order_so_upper_case_sorts_first()
    {
        var text = GroundTruthManifest.Write(
            [Entry("k/1.png", "b"), Entry("k/2.png", "a"), Entry("k/3.png", "B")],
            new ManifestOptions(NewYear));

        var indexes = text.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => System.Text.Json.JsonDocument.Parse(line).RootElement.GetProperty("label").GetInt32());
        Assert.Equal([2, 1, 0], indexes);
    }

    [Fact]
    public void The_same_label_set_gets_the_same_indexes_whatever_the_entry_order()
    {
        ManifestEntry[] entries = [Entry("k/1.png", "dog"), Entry("k/2.png", "cat"), Entry("k/3.png", "emu")];
        var forward = GroundTruthManifest.Read(GroundTruthManifest.Write(entries, new ManifestOptions(NewYear)));
        var backward = GroundTruthManifest.Write(entries.Reverse(), new ManifestOptions(NewYear));

        Assert.Empty(forward.Errors);
        Assert.Contains("\"class-name\":\"cat\"", backward.Split('\n')[1], StringComparison.Ordinal);
        Assert.Contains("\"label\":0", backward.Split('\n')[1], StringComparison.Ordinal);
        Assert.Contains("\"label\":2", backward.Split('\n')[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Creation_date_is_the_given_time_in_utc_with_microseconds()
    {
        var at = new DateTimeOffset(2020, 4, 15, 22, 17, 23, 433, TimeSpan.FromHours(2)).AddTicks(610);

        Assert.Equal("2020-04-15T20:17:23.433061", GroundTruthManifest.FormatCreationDate(at));
    }

    [Fact]
    public void Non_ascii_labels_and_keys_are_written_as_readable_utf8()
    {
        var text = GroundTruthManifest.Write([Entry("images_labeled_by_folder/T-shirt%2Ftop/été+1.png", "T-shirt/top é 猫")], new ManifestOptions(NewYear));

        Assert.Contains("\"source-ref\":\"s3://my-bucket/images_labeled_by_folder/T-shirt%2Ftop/été+1.png\"", text, StringComparison.Ordinal);
        Assert.Contains("\"class-name\":\"T-shirt/top é 猫\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_label_repeated_in_one_entry_is_written_once()
    {
        var text = GroundTruthManifest.Write([Entry("k/1.png", "cat", "cat")], new ManifestOptions(NewYear));

        Assert.Contains("\"label\":0,", text, StringComparison.Ordinal);
        Assert.DoesNotContain("label0", text, StringComparison.Ordinal);
    }

    [Fact]
    public void No_entries_write_an_empty_manifest() =>
        Assert.Equal("", GroundTruthManifest.Write([], new ManifestOptions(NewYear)));

    [Theory]
    [InlineData("")]
    [InlineData("cat|")]
    public void An_entry_without_a_usable_label_is_a_bug_not_data(string labels) =>
        Assert.Throws<ArgumentException>(() => GroundTruthManifest.Write(
            [Entry("k/1.png", labels.Length == 0 ? [] : labels.Split('|'))],
            new ManifestOptions(NewYear)));

    [Theory]
    [InlineData("")]
    [InlineData("source-ref")]
    [InlineData("label-metadata")]
    public void An_attribute_name_that_would_collide_with_the_format_is_refused(string attribute) =>
        Assert.Throws<ArgumentException>(() => GroundTruthManifest.Write([Entry("k/1.png", "cat")], new ManifestOptions(NewYear, attribute)));
}
