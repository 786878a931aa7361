using System.Text;

namespace ContinuousImprovement.Core.Sampling;

/// <summary>
/// What the model said about one image: zero or more labels with raw 0–100 confidences, in the order
/// Rekognition returned them. The list is copied, so later changes to the caller's list do not leak in.
/// </summary>
/// <remarks>
/// <para>Defensive reading of confidences: a confidence that is not a finite number ≥ 0 (NaN, ±∞, negative)
/// counts as 0 in every figure computed here. Rekognition never sends such values, but a bad parse or a
/// hand-written test event must not turn into NaN figures: NaN cannot be written to JSON logs and
/// silently makes every comparison false.</para>
/// <para>A label that appears more than once (object-detection models report one entry per instance) counts
/// once, with its highest confidence, so two boxes of the same class never look like a close call between
/// two classes.</para>
/// </remarks>
public sealed record Prediction(IReadOnlyList<LabelConfidence> Labels)
{
    /// <summary>A prediction with no label at all.</summary>
    public static Prediction Empty { get; } = new([]);

    /// <summary>The labels as received (a read-only copy).</summary>
    public IReadOnlyList<LabelConfidence> Labels { get; } = Array.AsReadOnly(Copy(Labels));

    /// <summary>
    /// The label with the highest usable confidence, reported with that usable confidence; null only when
    /// there is no label at all. Ties go to the label listed first.
    /// Example: [dog 2.11, cat 97.53] → cat 97.53; [cat NaN] → cat 0.
    /// </summary>
    public LabelConfidence? Top
    {
        get
        {
            LabelConfidence? top = null;
            foreach (LabelConfidence label in Merge(Labels))
            {
                if (top is null || label.Confidence > top.Confidence)
                {
                    top = label;
                }
            }

            return top;
        }
    }

    /// <summary>
    /// The confidences rescaled to probabilities: p_i = c_i / Σc over distinct labels, highest first (ties in
    /// list order). Empty when there is no label or Σc = 0, because a distribution cannot be formed.
    /// </summary>
    /// <remarks>
    /// Worked example: [cat 50, dog 30, fox 20] → Σc = 100 → [cat 0.5, dog 0.3, fox 0.2].
    /// Rekognition's confidences are independent per label and need not sum to 100
    /// ([cat 97.53, dog 2.11] → Σc = 99.64 → [cat 0.9788, dog 0.0212]); normalizing makes them comparable with
    /// the uncertainty thresholds. Each c_i is divided by the largest one first, so even absurdly large values
    /// cannot overflow the sum.
    /// </remarks>
    public IReadOnlyList<LabelProbability> Normalized()
    {
        List<LabelConfidence> merged = Merge(Labels);
        double max = 0;
        foreach (LabelConfidence label in merged)
        {
            max = Math.Max(max, label.Confidence);
        }

        if (max <= 0)
        {
            return [];
        }

        double sum = 0;
        foreach (LabelConfidence label in merged)
        {
            sum += label.Confidence / max;
        }

        // OrderByDescending is a stable sort, which keeps ties in list order (and in line with Top).
        return merged
            .Select(label => new LabelProbability(label.Label, label.Confidence / max / sum))
            .OrderByDescending(label => label.Probability)
            .ToArray();
    }

    /// <summary>The confidence as the figures use it: anything but a finite number ≥ 0 counts as 0.</summary>
    public static double Usable(double confidence) => double.IsFinite(confidence) && confidence > 0 ? confidence : 0;

    /// <summary>Two predictions are equal when they list equal labels in the same order.</summary>
    public bool Equals(Prediction? other) => other is not null && Labels.SequenceEqual(other.Labels);

    public override int GetHashCode()
    {
        HashCode hash = default;
        foreach (LabelConfidence label in Labels)
        {
            hash.Add(label);
        }

        return hash.ToHashCode();
    }

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Labels = [").AppendJoin(", ", Labels).Append(']');
        return true;
    }

    private static LabelConfidence[] Copy(IReadOnlyList<LabelConfidence> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var copy = new LabelConfidence[labels.Count];
        for (int i = 0; i < copy.Length; i++)
        {
            copy[i] = labels[i] ?? throw new ArgumentException($"Label entry {i} is null.", nameof(labels));
        }

        return copy;
    }

    // Distinct labels (ordinal: they are the model's class names) in first-seen order, each with its highest
    // usable confidence.
    private static List<LabelConfidence> Merge(IReadOnlyList<LabelConfidence> labels)
    {
        var merged = new List<LabelConfidence>(labels.Count);
        var indexByLabel = new Dictionary<string, int>(labels.Count, StringComparer.Ordinal);
        foreach (LabelConfidence label in labels)
        {
            double confidence = Usable(label.Confidence);
            if (indexByLabel.TryGetValue(label.Label, out int index))
            {
                if (confidence > merged[index].Confidence)
                {
                    merged[index] = new LabelConfidence(label.Label, confidence);
                }
            }
            else
            {
                indexByLabel.Add(label.Label, merged.Count);
                merged.Add(new LabelConfidence(label.Label, confidence));
            }
        }

        return merged;
    }
}
