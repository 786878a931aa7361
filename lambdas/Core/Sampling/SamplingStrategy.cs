namespace ContinuousImprovement.Core.Sampling;

/// <summary>
/// The rules that can ask for a human review of one prediction. The declaration order is the order in which
/// <see cref="SamplingPolicy"/> evaluates them and lists their reasons, and numeric values index
/// <see cref="SamplingStrategyNames"/>, so it must stay stable: only append.
/// </summary>
/// <remarks>
/// "Raw" confidences are Rekognition's 0–100 values (after the defensive reading described on
/// <see cref="Prediction"/>); p_i are the probabilities of <see cref="Prediction.Normalized"/>. The uncertainty
/// strategies (least-confidence, margin, entropy) fire whenever that distribution is empty (no label, or all
/// confidences 0), whatever their threshold: no usable prediction is as uncertain as it gets.
/// </remarks>
public enum SamplingStrategy
{
    /// <summary>
    /// below-threshold, the original project's rule: fires when there is no label at all, or when the top raw
    /// confidence &lt; MinimumLabelDetectionConfidence (strictly).
    /// Worked example (minimum 70): [amazon_logo 41.7] → 41.7 &lt; 70 fires, reason "top confidence 41.7 &lt; 70
    /// (amazon_logo)"; [amazon_logo 70] does not fire; [] fires, reason "no label detected".
    /// </summary>
    BelowThreshold,

    /// <summary>
    /// least-confidence: uncertainty = 1 − p_max; fires when uncertainty ≥ LeastConfidenceThreshold.
    /// Worked example: [cat 50, dog 30, fox 20] → p = [0.5, 0.3, 0.2] → uncertainty 1 − 0.5 = 0.5 ≥ 0.5 fires
    /// at the default threshold, not at 0.6. [cat 97.53, dog 2.11] → uncertainty ≈ 0.0212, does not fire.
    /// </summary>
    LeastConfidence,

    /// <summary>
    /// margin: p1 − p2 of the two most probable labels (p1 = 1 when there is one label); fires when the margin
    /// ≤ MarginThreshold, i.e. the model hesitates between two labels.
    /// Worked example: [cat 50, dog 30, fox 20] → 0.5 − 0.3 = 0.2: fires at threshold 0.25, not at the
    /// default 0.1. [cat 52, dog 48] → 0.52 − 0.48 = 0.04 ≤ 0.1 fires.
    /// </summary>
    Margin,

    /// <summary>
    /// entropy: H = −Σ p_i ln p_i in nats (0·ln 0 = 0); fires when H &gt; EntropyThreshold. H lies in [0, ln k]
    /// for k labels: 0 for a single label, ln k when all are equally likely.
    /// Worked example: [cat 50, dog 30, fox 20] → H = −(0.5 ln 0.5 + 0.3 ln 0.3 + 0.2 ln 0.2) ≈ 0.3466 +
    /// 0.3612 + 0.3219 = 1.0297 &gt; 1.0 fires at the default threshold (the maximum for 3 labels is ln 3 ≈ 1.0986).
    /// [cat 97.53, dog 2.11] → H ≈ 0.1026, does not fire.
    /// </summary>
    Entropy,

    /// <summary>
    /// random: fires when the image's reproducible draw u ∈ [0, 1) is &lt; RandomRate, so about that share of
    /// all images is reviewed regardless of the model, catching confident mistakes. u depends only on
    /// (RandomSeed, image key), see <see cref="SamplingDraw"/> for the formula and why.
    /// Worked example (seed 42, rate 0.05): images_for_detection/inference-image-24.png → u ≈ 0.0123 fires;
    /// images_for_detection/inference-image-1.png → u ≈ 0.5725 does not.
    /// </summary>
    Random,

    /// <summary>
    /// confidence-band: fires when ConfidenceBandLow ≤ top raw confidence ≤ ConfidenceBandHigh (both inclusive).
    /// Without labels it does not fire: the band is about the top prediction, and "no label" is below-threshold's
    /// case. Worked example (band [40, 60]): top 47.5, 40 or 60 fires; 39.99 or 60.01 does not.
    /// </summary>
    ConfidenceBand,

    /// <summary>
    /// audit: fires when AuditInterval ≥ 1 and InferenceNumber mod AuditInterval = 0; InferenceNumber is the
    /// 1-based inference count, so 0 or negative never fires.
    /// Worked example (interval 100): inference #300 fires, #301 and #0 do not; interval 1 fires every time.
    /// </summary>
    Audit,

    /// <summary>
    /// ground-truth-mismatch: fires when the uploader claimed a non-blank label and the top label differs
    /// (both trimmed, ordinal ignore-case), or when a label was claimed but none detected.
    /// Worked example: claimed " Amazon_Logo " with top amazon_logo does not fire; claimed "cat" with top dog fires,
    /// reason "claimed 'cat' but the top label is 'dog' (91.2)"; no claim never fires.
    /// </summary>
    GroundTruthMismatch,
}
