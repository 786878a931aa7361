using System.Globalization;

namespace ContinuousImprovement.Core.Training;

/// <summary>
/// When the scheduled check starts a training. The rules, first match wins:
/// <list type="number">
/// <item>automatic training disabled → no;</item>
/// <item>a training in progress → no;</item>
/// <item>a negative Minimum-Untrained-Images or labeled count, or no labeled images → no;</item>
/// <item>new images = LabeledCount − (LabeledCountAtLastSuccess ?? 0), floored at 0; fewer than
/// Minimum-Untrained-Images → no;</item>
/// <item>the last attempt used this very labeled set (same fingerprint) → no, whatever its outcome, unless an
/// operator asked for a retry: a failed or gated-out set would fail again on every poll, and a succeeded one
/// is already serving;</item>
/// <item>otherwise → yes.</item>
/// </list>
/// A retry lifts only rule 5; it does not bypass the switch, a running training or the threshold.
/// Example: minimum 50, 180 labeled now, 120 at the last success → 60 new → train; if that attempt fails and
/// nothing is relabeled, the next poll says no until an image is added or an operator retries.
/// </summary>
public static class TrainingCriteria
{
    public static TrainingDecision Evaluate(TrainingCriteriaInput input)
    {
        ArgumentNullException.ThrowIfNull(input);

        if (!input.Enabled)
        {
            return No("automatic training is disabled");
        }

        if (input.TrainingInProgress)
        {
            return No("a training is already in progress");
        }

        if (input.MinimumUntrainedImages < 0)
        {
            return No($"Minimum-Untrained-Images is {input.MinimumUntrainedImages}; it must be 0 or more");
        }

        if (input.LabeledCount < 0)
        {
            return No($"the labeled image count is {input.LabeledCount}, which cannot be; check the labeled folder listing");
        }

        if (input.LabeledCount == 0)
        {
            return No("there are no labeled images yet");
        }

        var newImages = Math.Max(0, input.LabeledCount - (input.LabeledCountAtLastSuccess ?? 0));
        if (newImages < input.MinimumUntrainedImages)
        {
            return No($"{NewSince(newImages, input)}, fewer than Minimum-Untrained-Images {input.MinimumUntrainedImages}");
        }

        var last = input.LastAttempt;
        if (last is not null && string.Equals(last.Fingerprint, input.LabeledFingerprint, StringComparison.Ordinal))
        {
            var what = $"the last training used this same labeled set of {Images(input.LabeledCount)} and {Describe(last)}";
            return input.RetryRequested
                ? Yes($"an operator asked for a retry: {what}")
                : No(last.Outcome == TrainingAttemptOutcome.Succeeded
                    ? $"{what}; waiting for new labels"
                    : $"{what}; waiting for new labels or an operator retry");
        }

        return Yes($"{NewSince(newImages, input)} (Minimum-Untrained-Images {input.MinimumUntrainedImages})");
    }

    private static TrainingDecision Yes(string reason) => new(true, reason);

    private static TrainingDecision No(string reason) => new(false, reason);

    private static string Images(int count, string kind = "") =>
        $"{count} {kind}{(kind.Length == 0 ? "" : " ")}image{(count == 1 ? "" : "s")}";

    private static string NewSince(int newImages, TrainingCriteriaInput input) =>
        input.LabeledCountAtLastSuccess is null
            ? $"{Images(newImages, "labeled")} and no successful training yet"
            : $"{Images(newImages, "new labeled")} since the last successful training";

    private static string Describe(LastTrainingAttempt last)
    {
        var at = last.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        return last.Outcome switch
        {
            TrainingAttemptOutcome.Succeeded => $"succeeded on {at}",
            TrainingAttemptOutcome.GatedOut => $"was not deployed on {at} (its F1 did not pass the gate)",
            _ => $"failed on {at}",
        };
    }
}
