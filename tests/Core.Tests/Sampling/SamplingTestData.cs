using ContinuousImprovement.Core.Sampling;

namespace ContinuousImprovement.Core.Tests.Sampling;

/// <summary>Short ways to build predictions, inputs and single-strategy settings in tests.</summary>
internal static class SamplingTestData
{
    public const string ImageKey = "images_for_detection/inference-image-1.png";

    public static Prediction Predict(params (string Label, double Confidence)[] labels) =>
        new(labels.Select(label => new LabelConfidence(label.Label, label.Confidence)).ToArray());

    public static SamplingInput Input(
        Prediction prediction,
        string imageKey = ImageKey,
        long inferenceNumber = 1,
        string? claimedLabel = null,
        int humanLoopsToday = 0) =>
        new(prediction, imageKey, inferenceNumber, claimedLabel, humanLoopsToday);

    public static SamplingSettings Only(SamplingStrategy strategy) =>
        SamplingSettings.Default with { Strategies = new HashSet<SamplingStrategy> { strategy } };

    public static SamplingDecision Decide(SamplingStrategy strategy, Prediction prediction, Func<SamplingSettings, SamplingSettings>? tune = null) =>
        SamplingPolicy.Decide(Input(prediction), (tune ?? (settings => settings))(Only(strategy)));

    /// <summary>The single reason text, asserting the strategy fired and nothing else did.</summary>
    public static string FiredReason(SamplingDecision decision, SamplingStrategy strategy)
    {
        SamplingReason reason = Assert.Single(decision.Reasons);
        Assert.Equal(strategy, reason.Strategy);
        Assert.True(decision.Wanted);
        return reason.Text;
    }
}
