using System.Text;

using ContinuousImprovement.Core.Review;

namespace ContinuousImprovement.Core.Tests.Review;

public sealed class ReviewOutputParserTests
{
    private const string Input = """
        "inputContent": { "taskObject": "s3://b/images_for_detection/x.png", "detectedLabel": "cat", "detectedConfidenceLevel": 55.5 }
        """;

    [Fact]
    public void Any_element_name_with_a_label_is_read_and_other_answer_content_is_ignored()
    {
        var output = Ok($$"""
            { "humanLoopName": "hl", "humanAnswers": [
                { "workerId": "w1", "answerContent": { "comment": "blurry", "notes": { "text": "x" }, "my-classifier": { "label": "cat" } } }
              ], {{Input}} }
            """);

        var answer = Assert.Single(output.Answers);
        Assert.Equal("w1:SingleLabel:[cat]:", ReviewText.Describe(answer));
        Assert.Null(output.FlowDefinitionArn);
        Assert.Equal("s3://b/images_for_detection/x.png", output.TaskObject!.Uri);
        Assert.Equal(55.5, output.DetectedConfidence);
    }

    [Fact]
    public void Multi_select_labels_are_read_in_order_and_keep_their_raw_text()
    {
        var output = Ok("""{ "humanLoopName": "hl", "humanAnswers": [ { "answerContent": { "m": { "labels": [" b ", "a"] } } } ] }""");

        Assert.Equal(":MultiLabel:[ b ,a]:", ReviewText.Describe(Assert.Single(output.Answers)));
        Assert.Null(output.TaskObject);
    }

    [Fact]
    public void Informational_fields_of_the_wrong_type_become_null_rather_than_errors()
    {
        var output = Ok("""
            { "humanLoopName": "hl", "flowDefinitionArn": 7,
              "humanAnswers": [ { "workerId": 12, "submissionTime": "yesterday", "answerContent": { "c": { "label": "cat" } } } ],
              "inputContent": { "detectedLabel": ["x"], "detectedConfidenceLevel": "87.25" } }
            """);

        Assert.Null(output.FlowDefinitionArn);
        Assert.Equal(":SingleLabel:[cat]:", ReviewText.Describe(Assert.Single(output.Answers)));
        Assert.Null(output.DetectedLabel);
        Assert.Equal(87.25, output.DetectedConfidence);
    }

    [Fact]
    public void Utf8_input_with_a_byte_order_mark_parses()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("""{ "humanLoopName": "hl", "humanAnswers": [] }""")).ToArray();

        var result = ReviewOutputParser.Parse(bytes);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal("hl", result.Value.HumanLoopName);
    }

    [Theory]
    [InlineData("", "not valid JSON")]
    [InlineData("{", "not valid JSON")]
    [InlineData("hello", "not valid JSON")]
    [InlineData("[]", "must be a JSON object, found an array")]
    [InlineData("\"text\"", "must be a JSON object, found a string")]
    [InlineData("""{ "humanAnswers": [] }""", "humanLoopName must be a non-empty string, found nothing")]
    [InlineData("""{ "humanLoopName": " ", "humanAnswers": [] }""", "humanLoopName must be a non-empty string, found \" \"")]
    [InlineData("""{ "humanLoopName": "hl" }""", "humanAnswers must be an array, found nothing")]
    [InlineData("""{ "humanLoopName": "hl", "humanAnswers": null }""", "humanAnswers must be an array, found null")]
    [InlineData("""{ "humanLoopName": "hl", "humanAnswers": {} }""", "humanAnswers must be an array, found an object")]
    [InlineData("""{ "humanLoopName": "hl", "humanAnswers": [ 3 ] }""", "humanAnswers[0] must be an object, found a number")]
    [InlineData("""{ "humanLoopName": "hl", "humanAnswers": [ { "workerId": "w" } ] }""", "humanAnswers[0].answerContent must be an object")]
    [InlineData("""{ "humanLoopName": "hl", "humanAnswers": [ { "answerContent": "cat" } ] }""", "humanAnswers[0].answerContent must be an object holding the worker's answer, found \"cat\"")]
    [InlineData("""{ "humanLoopName": "hl", "humanAnswers": [ { "answerContent": { "c": { "label": 5 } } } ] }""", "humanAnswers[0].answerContent.c.label must be a string, found a number")]
    [InlineData("""{ "humanLoopName": "hl", "humanAnswers": [ { "answerContent": { "c": { "labels": "cat" } } } ] }""", "humanAnswers[0].answerContent.c.labels must be an array of strings, found a string")]
    [InlineData("""{ "humanLoopName": "hl", "humanAnswers": [ { "answerContent": { "c": { "labels": ["a", 1] } } } ] }""", "humanAnswers[0].answerContent.c.labels[1] must be a string, found a number")]
    [InlineData("""{ "humanLoopName": "hl", "humanAnswers": [ { "answerContent": { "a": { "label": "x" }, "b": { "label": "y" } } } ] }""", "more than one label answer ('a' and 'b')")]
    [InlineData("""{ "humanLoopName": "hl", "humanAnswers": [ { "answerContent": { "a": { "label": "x", "labels": ["y"] } } } ] }""", "more than one label answer (both label and labels)")]
    [InlineData("""{ "humanLoopName": "hl", "humanAnswers": [], "inputContent": "x" }""", "inputContent must be an object, found a string")]
    [InlineData("""{ "humanLoopName": "hl", "humanAnswers": [], "inputContent": { "taskObject": "https://b/k.png" } }""", "inputContent.taskObject must be an s3://bucket/key URI, found \"https://b/k.png\"")]
    [InlineData("""{ "humanLoopName": "hl", "humanAnswers": [], "inputContent": { "taskObject": 4 } }""", "inputContent.taskObject must be an s3://bucket/key URI, found a number")]
    public void Malformed_output_is_an_error_that_names_the_problem(string json, string expected)
    {
        var fromText = ReviewOutputParser.Parse(json);
        var fromBytes = ReviewOutputParser.Parse(Encoding.UTF8.GetBytes(json));

        Assert.False(fromText.Succeeded);
        Assert.Contains(expected, fromText.Error, StringComparison.Ordinal);
        Assert.False(fromBytes.Succeeded);
        Assert.Contains(expected, fromBytes.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Trailing_content_after_the_document_is_an_error_from_bytes_and_text_alike()
    {
        const string json = """{ "humanLoopName": "hl", "humanAnswers": [] } {}""";

        Assert.Contains("not valid JSON", ReviewOutputParser.Parse(json).Error, StringComparison.Ordinal);
        Assert.False(ReviewOutputParser.Parse(Encoding.UTF8.GetBytes(json)).Succeeded);
    }

    [Fact]
    public void Deeply_nested_input_is_an_error_not_a_crash()
    {
        var json = """{ "humanLoopName": "hl", "humanAnswers": [], "x": """ + new string('[', 5000) + new string(']', 5000) + "}";

        Assert.Contains("not valid JSON", ReviewOutputParser.Parse(json).Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_hostile_label_in_an_error_is_quoted_with_its_control_characters_escaped()
    {
        var result = ReviewOutputParser.Parse("""{ "humanLoopName": "hl", "humanAnswers": [], "inputContent": { "taskObject": "x\nFAKE LOG LINE" } }""");

        Assert.Contains("\"x\\u{000A}FAKE LOG LINE\"", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', result.Error!);
    }

    private static ReviewOutput Ok(string json)
    {
        var result = ReviewOutputParser.Parse(json);
        Assert.True(result.Succeeded, result.Error);
        return result.Value;
    }
}
