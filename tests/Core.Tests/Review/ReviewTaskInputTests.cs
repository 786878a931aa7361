using System.Text.Json;

using ContinuousImprovement.Core.Ports;
using ContinuousImprovement.Core.Review;
using ContinuousImprovement.Core.Sampling;
using ContinuousImprovement.Core.Storage;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ContinuousImprovement.Core.Tests.Review;

public sealed class ReviewTaskInputTests
{
    private static readonly S3ObjectRef Image = new("bucket", "images_for_detection/cat 1.jpg", "v1");

    private static ReviewRequest Request(Prediction prediction, params string[] labels) =>
        new("hl-1", Image, labels, prediction, ["below-threshold: top confidence 41.7 < 70 (cat)"]);

    [Fact]
    public void An_output_carrying_this_input_reads_back_the_image_and_the_models_guess()
    {
        var input = ReviewTaskInput.ToJson(Request(new Prediction([new("dog", 20), new("cat", 71.456)]), "cat", "dog"));
        var output = """{"humanLoopName":"hl-1","humanAnswers":[{"answerContent":{"crowd-image-classifier":{"label":"dog"}}}],"inputContent":""" + input + "}";

        var read = ReviewOutputParser.Parse(output).Value!;

        Assert.Equal(Image.Key, read.TaskObject!.Key);
        Assert.Equal("cat", read.DetectedLabel);
        Assert.Equal(71.46, read.DetectedConfidence);
    }

    [Fact]
    public void The_input_names_the_image_the_top_label_the_choices_and_the_reasons()
    {
        var json = ReviewTaskInput.ToJson(Request(new Prediction([new("dog", 20), new("cat", 71.456)]), "cat", "dog", "None of the Above"));

        Assert.Equal(
            """{"taskObject":"s3://bucket/images_for_detection/cat 1.jpg","label":"cat","confidence":71.46,"confidenceText":"71.46","labels":["cat","dog","None of the Above"],"reasons":["below-threshold: top confidence 41.7 \u003C 70 (cat)"]}""",
            json);
    }

    [Fact]
    public void A_whole_confidence_is_shown_without_decimals()
    {
        var input = JsonDocument.Parse(ReviewTaskInput.ToJson(Request(new Prediction([new("cat", 20)]), "cat"))).RootElement;

        Assert.Equal(("20", 20.0), (input.GetProperty(ReviewTaskInput.ConfidenceText).GetString(), input.GetProperty(ReviewTaskInput.Confidence).GetDouble()));
    }

    [Fact]
    public void Without_a_prediction_there_is_no_label_or_confidence()
    {
        var input = JsonDocument.Parse(ReviewTaskInput.ToJson(Request(Prediction.Empty, "cat", "dog"))).RootElement;

        Assert.Equal(["taskObject", "labels", "reasons"], input.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void An_unusable_confidence_is_written_as_zero_so_the_json_stays_valid()
    {
        var input = JsonDocument.Parse(ReviewTaskInput.ToJson(Request(new Prediction([new("cat", double.NaN)]), "cat"))).RootElement;

        Assert.Equal(0.0, input.GetProperty(ReviewTaskInput.Confidence).GetDouble());
    }

    [Property]
    public Property Labels_and_reasons_round_trip_unchanged(NonNull<string>[] labels, NonNull<string>[] reasons)
    {
        // Lone surrogates are not text (JSON writers replace them), and no label or reason is ever one.
        var texts = labels.Concat(reasons).Select(t => t.Get);
        if (texts.Any(t => t.Any(char.IsSurrogate)))
        {
            return true.ToProperty();
        }

        var request = new ReviewRequest("hl-1", Image, labels.Select(l => l.Get).ToList(), Prediction.Empty, reasons.Select(r => r.Get).ToList());
        var input = JsonDocument.Parse(ReviewTaskInput.ToJson(request)).RootElement;

        var readLabels = input.GetProperty(ReviewTaskInput.Labels).EnumerateArray().Select(l => l.GetString()!).ToList();
        var readReasons = input.GetProperty(ReviewTaskInput.Reasons).EnumerateArray().Select(r => r.GetString()!).ToList();
        return (readLabels.SequenceEqual(request.Labels) && readReasons.SequenceEqual(request.Reasons)).ToProperty();
    }
}
