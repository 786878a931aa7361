using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

using ContinuousImprovement.Core.Storage;

namespace ContinuousImprovement.Core.Manifests;

/// <summary>
/// Ground Truth image-classification manifests (JSON Lines), the format Rekognition Custom Labels trains from.
/// A single-label line looks like:
/// <code>
/// {"source-ref":"s3://b/images_labeled_by_folder/cat/1.png","label":0,"label-metadata":{"confidence":1,
///  "job-name":"continuous-improvement/labeled-by-folder","class-name":"cat","human-annotated":"yes",
///  "creation-date":"2026-01-01T00:00:00.000000","type":"groundtruth/image-classification"}}
/// </code>
/// </summary>
public static class GroundTruthManifest
{
    public const string ClassificationType = "groundtruth/image-classification";

    private const string SourceRef = "source-ref";
    private const string MetadataSuffix = "-metadata";

    // The manifest is a data file, never embedded in HTML, so labels and keys are written as readable UTF-8
    // rather than \u escapes; the JSON stays valid either way.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// Writes one line per entry, '\n'-terminated. The class index of a label is its position in the ordinal
    /// sort of every label in this manifest, so the same label set always gets the same indexes. Single-label
    /// lines use <see cref="ManifestOptions.AttributeName"/> as is; multi-label lines number it from 0, as the
    /// Rekognition documentation's multi-label example does (<c>sport0</c>, <c>sport1</c>). A label repeated
    /// within one entry is written once.
    /// </summary>
    /// <exception cref="ArgumentException">An entry without labels or with an empty label, or an unusable attribute name:
    /// entries come from our own listing, so these are bugs, not data.</exception>
    public static string Write(IEnumerable<ManifestEntry> entries, ManifestOptions options)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(options);
        ValidateOptions(options);

        var lines = entries.Select(DistinctLabels).ToList();
        var classIndex = lines
            .SelectMany(line => line.Labels)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select((label, index) => (label, index))
            .ToDictionary(pair => pair.label, pair => pair.index, StringComparer.Ordinal);
        var creationDate = FormatCreationDate(options.CreationDate);

        var buffer = new ArrayBufferWriter<byte>();
        using var writer = new Utf8JsonWriter(buffer, WriterOptions);
        foreach (var (image, labels) in lines)
        {
            writer.WriteStartObject();
            writer.WriteString(SourceRef, image.Uri);
            for (var i = 0; i < labels.Count; i++)
            {
                var attribute = labels.Count == 1 ? options.AttributeName : options.AttributeName + i.ToString(CultureInfo.InvariantCulture);
                writer.WriteNumber(attribute, classIndex[labels[i]]);
                writer.WriteStartObject(attribute + MetadataSuffix);
                writer.WriteNumber("confidence", 1);
                writer.WriteString("job-name", options.JobName);
                writer.WriteString("class-name", labels[i]);
                writer.WriteString("human-annotated", "yes");
                writer.WriteString("creation-date", creationDate);
                writer.WriteString("type", ClassificationType);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
            writer.Flush();
            buffer.Write("\n"u8);
            // One writer per document: Utf8JsonWriter refuses a second top-level value otherwise.
            writer.Reset(buffer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>
    /// Reads every non-blank line into an entry, or into an error naming the line and what is wrong with it.
    /// A line's labels are the <c>class-name</c>s of its <c>*-metadata</c> objects whose <c>type</c> is
    /// <see cref="ClassificationType"/>; other metadata (object detection, say) is ignored.
    /// </summary>
    public static ManifestReadResult Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        var entries = new List<ManifestEntry>();
        var errors = new List<ManifestLineError>();
        var lineNumber = 0;
        foreach (var rawLine in text.TrimStart('\uFEFF').Split('\n'))
        {
            lineNumber++;
            var line = rawLine.TrimEnd('\r');
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var (entry, error) = ReadLine(line);
            if (entry is not null)
            {
                entries.Add(entry);
            }
            else
            {
                errors.Add(new ManifestLineError(lineNumber, error!));
            }
        }

        return new ManifestReadResult(entries, errors);
    }

    /// <summary>The <c>creation-date</c> form Ground Truth writes: ISO 8601 in UTC, microseconds, no offset.</summary>
    public static string FormatCreationDate(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture);

    private static (ManifestEntry? Entry, string? Error) ReadLine(string line)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException ex)
        {
            return (null, $"not valid JSON: {ex.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, $"not a JSON object but a JSON {root.ValueKind.ToString().ToLowerInvariant()}");
            }

            if (!root.TryGetProperty(SourceRef, out var sourceRef) || sourceRef.ValueKind != JsonValueKind.String)
            {
                return (null, $"no \"{SourceRef}\" string");
            }

            var uri = sourceRef.GetString();
            if (!S3Uri.TryParse(uri, out var image))
            {
                return (null, $"\"{SourceRef}\" '{uri}' is not an s3://bucket/key URI");
            }

            var labels = new List<string>();
            foreach (var property in root.EnumerateObject())
            {
                if (!IsClassificationMetadata(property))
                {
                    continue;
                }

                // The class name, not the attribute's class index, is the label: indexes are only meaningful
                // within the job that wrote them, and real files are inconsistent (the two-classes example gives
                // both of its classes index 1), whereas Rekognition itself goes by class-name.
                if (!property.Value.TryGetProperty("class-name", out var className)
                    || className.ValueKind != JsonValueKind.String
                    || string.IsNullOrEmpty(className.GetString()))
                {
                    return (null, $"\"{property.Name}\" has no class-name");
                }

                var label = className.GetString()!;
                if (!labels.Contains(label, StringComparer.Ordinal))
                {
                    labels.Add(label);
                }
            }

            return labels.Count == 0
                ? (null, $"no image-classification label (no \"<attribute>{MetadataSuffix}\" object with type \"{ClassificationType}\")")
                : (new ManifestEntry(image, labels), null);
        }
    }

    private static bool IsClassificationMetadata(JsonProperty property) =>
        property.Name.EndsWith(MetadataSuffix, StringComparison.Ordinal)
        && property.Value.ValueKind == JsonValueKind.Object
        && property.Value.TryGetProperty("type", out var type)
        && type.ValueKind == JsonValueKind.String
        && type.ValueEquals(ClassificationType);

    private static void ValidateOptions(ManifestOptions options)
    {
        if (string.IsNullOrEmpty(options.AttributeName)
            || options.AttributeName == SourceRef
            || options.AttributeName.EndsWith(MetadataSuffix, StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"Attribute name '{options.AttributeName}' is unusable: it must be non-empty, not \"{SourceRef}\" and not end in \"{MetadataSuffix}\".",
                nameof(options));
        }

        if (string.IsNullOrEmpty(options.JobName))
        {
            throw new ArgumentException("Job name must be non-empty.", nameof(options));
        }
    }

    private static (S3ObjectRef Image, IReadOnlyList<string> Labels) DistinctLabels(ManifestEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(entry.Image);
        ArgumentNullException.ThrowIfNull(entry.Labels);
        if (entry.Labels.Count == 0 || entry.Labels.Any(string.IsNullOrEmpty))
        {
            throw new ArgumentException($"Entry {entry.Image.Uri} needs at least one label and no empty labels.", nameof(entry));
        }

        return (entry.Image, entry.Labels.Distinct(StringComparer.Ordinal).ToList());
    }
}
