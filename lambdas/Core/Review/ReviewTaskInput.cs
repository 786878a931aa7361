using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

using ContinuousImprovement.Core.Ports;

namespace ContinuousImprovement.Core.Review;

/// <summary>
/// The input a human loop's worker task template reads as <c>task.input</c>. Amazon A2I receives it as the
/// loop's <c>InputContent</c>; the twin's review portal renders the same template with the same document, so a
/// template that works in one works in the other. A2I copies it into the output's <c>inputContent</c>, which is
/// where the review-filing workflow reads <c>taskObject</c> back.
/// </summary>
/// <remarks>
/// Fields: <c>taskObject</c> (the image's s3:// URI, for <c>grant_read_access</c>), <c>label</c> and
/// <c>confidence</c> (the model's top label and its 0–100 confidence rounded to 2 decimals) with
/// <c>confidenceText</c> (the same number as text, at most 2 decimals, so a template shows "20" rather than
/// whatever its Liquid makes of a float), <c>labels</c> (the choices offered, in order) and <c>reasons</c>
/// (why a human is asked). <c>label</c>, <c>confidence</c> and <c>confidenceText</c> are absent when the model
/// predicted nothing.
/// </remarks>
public static class ReviewTaskInput
{
    /// <summary>The image's s3:// URI.</summary>
    public const string TaskObject = "taskObject";

    /// <summary>The model's top label.</summary>
    public const string Label = "label";

    /// <summary>The top label's confidence, 0–100, rounded to 2 decimals.</summary>
    public const string Confidence = "confidence";

    /// <summary>The same confidence as invariant text with at most 2 decimals.</summary>
    public const string ConfidenceText = "confidenceText";

    /// <summary>The labels the reviewer chooses from.</summary>
    public const string Labels = "labels";

    /// <summary>Why the image was sent to a human.</summary>
    public const string Reasons = "reasons";

    /// <summary>
    /// The input as compact JSON, e.g.
    /// <c>{"taskObject":"s3://b/k.jpg","label":"cat","confidence":71.46,"confidenceText":"71.46","labels":["cat","dog"],"reasons":["low confidence"]}</c>.
    /// </summary>
    public static string ToJson(ReviewRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString(TaskObject, request.Image.Uri);
            if (request.Prediction.Top is { } top)
            {
                json.WriteString(Label, top.Label);

                // Top reports a usable (finite, ≥ 0) confidence, so the number can always be written.
                json.WriteNumber(Confidence, Math.Round(top.Confidence, 2));
                json.WriteString(ConfidenceText, top.Confidence.ToString("0.##", CultureInfo.InvariantCulture));
            }

            WriteStrings(json, Labels, request.Labels);
            WriteStrings(json, Reasons, request.Reasons);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
