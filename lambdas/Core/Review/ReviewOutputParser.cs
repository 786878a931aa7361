using ContinuousImprovement.Core.Text;
using System.Text.Json;

using ContinuousImprovement.Core.Filing;
using ContinuousImprovement.Core.Storage;

namespace ContinuousImprovement.Core.Review;

/// <summary>
/// Reads a human loop output document (A2I's <c>output.json</c>, or our review portal's, which has the same shape).
/// </summary>
/// <remarks>
/// Strict where the product acts on a field, lenient where it only logs one. Strict (wrong or missing → error):
/// the document is an object; <c>humanLoopName</c> is a non-empty string; <c>humanAnswers</c> is an array of
/// objects each with an object <c>answerContent</c>; a label element's <c>label</c> is a string and its
/// <c>labels</c> an array of strings; at most one label element per answer; <c>inputContent</c>, when present,
/// is an object whose <c>taskObject</c>, when present, is an s3:// object URI. Lenient (unreadable → null):
/// <c>flowDefinitionArn</c>, <c>workerId</c>, <c>submissionTime</c>, the model's guess in <c>inputContent</c> as
/// <see cref="ReviewTaskInput"/> writes it (<c>label</c>, <c>confidence</c>) or as other tooling does
/// (<c>detectedLabel</c>, <c>detectedConfidenceLevel</c>; a number or a numeric string).
/// <para>
/// A label element is any <c>answerContent</c> property whose value is an object with <c>label</c> or
/// <c>labels</c>, whatever the element's name, so a renamed or custom template still works. Other answer content
/// (a free-text comment, a transcription) is ignored; an answer with no label element is kept as an answer of
/// kind <see cref="AnswerKind.NoLabel"/>, and consolidation decides what that means.
/// </para>
/// </remarks>
public static class ReviewOutputParser
{
    private const string What = "review output";

    public static ReviewParseResult<ReviewOutput> Parse(string json) => JsonInput.Parse(json, What, Read);

    public static ReviewParseResult<ReviewOutput> Parse(ReadOnlySpan<byte> utf8Json) => JsonInput.Parse(utf8Json, What, Read);

    private static ReviewParseResult<ReviewOutput> Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return Fail($"{What} must be a JSON object, found {JsonInput.Describe(root.ValueKind)}");
        }

        if (!JsonInput.TryGet(root, "humanLoopName", out var nameElement) || nameElement.ValueKind != JsonValueKind.String
            || string.IsNullOrWhiteSpace(nameElement.GetString()))
        {
            return Fail($"humanLoopName must be a non-empty string, found {Found(root, "humanLoopName")}");
        }

        if (!JsonInput.TryGet(root, "humanAnswers", out var answersElement) || answersElement.ValueKind != JsonValueKind.Array)
        {
            return Fail($"humanAnswers must be an array, found {Found(root, "humanAnswers")}");
        }

        var answers = new List<WorkerAnswer>(answersElement.GetArrayLength());
        var index = 0;
        foreach (var answerElement in answersElement.EnumerateArray())
        {
            var answer = ReadAnswer(answerElement, $"humanAnswers[{index++}]");
            if (!answer.Succeeded)
            {
                return Fail(answer.Error);
            }

            answers.Add(answer.Value);
        }

        S3ObjectRef? taskObject = null;
        string? detectedLabel = null;
        double? detectedConfidence = null;
        if (JsonInput.TryGet(root, "inputContent", out var input))
        {
            if (input.ValueKind != JsonValueKind.Object)
            {
                return Fail($"inputContent must be an object, found {JsonInput.Describe(input.ValueKind)}");
            }

            if (JsonInput.TryGet(input, "taskObject", out var task))
            {
                if (task.ValueKind != JsonValueKind.String || !S3Uri.TryParse(task.GetString(), out var parsed))
                {
                    return Fail($"inputContent.taskObject must be an s3://bucket/key URI, found {Shown(task)}");
                }

                taskObject = parsed;
            }

            // Our own loops carry the model's guess as ReviewTaskInput writes it; loops started by other tooling (the
            // aws-samples flows) name it detectedLabel / detectedConfidenceLevel.
            detectedLabel = JsonInput.OptionalString(input, ReviewTaskInput.Label) ?? JsonInput.OptionalString(input, "detectedLabel");
            detectedConfidence = JsonInput.OptionalNumber(input, ReviewTaskInput.Confidence) ?? JsonInput.OptionalNumber(input, "detectedConfidenceLevel");
        }

        return ReviewParseResults.Ok(new ReviewOutput(
            nameElement.GetString()!,
            JsonInput.OptionalString(root, "flowDefinitionArn"),
            taskObject,
            detectedLabel,
            detectedConfidence,
            answers));
    }

    private static ReviewParseResult<WorkerAnswer> ReadAnswer(JsonElement answer, string path)
    {
        if (answer.ValueKind != JsonValueKind.Object)
        {
            return ReviewParseResults.Fail<WorkerAnswer>($"{path} must be an object, found {JsonInput.Describe(answer.ValueKind)}");
        }

        if (!JsonInput.TryGet(answer, "answerContent", out var content) || content.ValueKind != JsonValueKind.Object)
        {
            return ReviewParseResults.Fail<WorkerAnswer>(
                $"{path}.answerContent must be an object holding the worker's answer, found {Found(answer, "answerContent")}");
        }

        string? element = null;
        var kind = AnswerKind.NoLabel;
        IReadOnlyList<string> labels = [];
        foreach (var property in content.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            var elementPath = $"{path}.answerContent.{property.Name}";
            var hasLabel = JsonInput.TryGet(property.Value, "label", out var label);
            var hasLabels = JsonInput.TryGet(property.Value, "labels", out var labelArray);
            if (!hasLabel && !hasLabels)
            {
                continue;
            }

            if (element is not null || (hasLabel && hasLabels))
            {
                var second = element is null ? "both label and labels" : $"'{element}' and '{property.Name}'";
                return ReviewParseResults.Fail<WorkerAnswer>(
                    $"{path}.answerContent has more than one label answer ({second}); cannot tell which one is the class");
            }

            element = property.Name;
            if (hasLabel)
            {
                if (label.ValueKind != JsonValueKind.String)
                {
                    return ReviewParseResults.Fail<WorkerAnswer>(
                        $"{elementPath}.label must be a string, found {JsonInput.Describe(label.ValueKind)}");
                }

                kind = AnswerKind.SingleLabel;
                labels = [label.GetString()!];
                continue;
            }

            if (labelArray.ValueKind != JsonValueKind.Array)
            {
                return ReviewParseResults.Fail<WorkerAnswer>(
                    $"{elementPath}.labels must be an array of strings, found {JsonInput.Describe(labelArray.ValueKind)}");
            }

            var list = new List<string>(labelArray.GetArrayLength());
            foreach (var item in labelArray.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.String)
                {
                    return ReviewParseResults.Fail<WorkerAnswer>(
                        $"{elementPath}.labels[{list.Count}] must be a string, found {JsonInput.Describe(item.ValueKind)}");
                }

                list.Add(item.GetString()!);
            }

            kind = AnswerKind.MultiLabel;
            labels = list;
        }

        return ReviewParseResults.Ok(new WorkerAnswer(
            JsonInput.OptionalString(answer, "workerId"),
            labels,
            JsonInput.OptionalTimestamp(answer, "submissionTime"),
            kind));
    }

    private static string Found(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) ? Shown(value) : "nothing (the property is missing)";

    private static string Shown(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? Printable.Quote(value.GetString()) : JsonInput.Describe(value.ValueKind);

    private static ReviewParseResult<ReviewOutput> Fail(string error) => ReviewParseResults.Fail<ReviewOutput>(error);
}
