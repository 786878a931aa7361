using ContinuousImprovement.Core.Sampling;

using FsCheck;
using FsCheck.Fluent;

namespace ContinuousImprovement.Core.Tests.Sampling;

/// <summary>Generators that deliberately include the values that can break arithmetic.</summary>
internal static class SamplingGenerators
{
    private static readonly double[] Nasty =
    [
        double.NaN, double.PositiveInfinity, double.NegativeInfinity, double.MaxValue, double.MinValue,
        double.Epsilon, -double.Epsilon, 0.0, -0.0, -1, 1e-300, 1e300, 100, 100.0000001, 70, 50, 1,
    ];

    private static readonly string[] Labels = ["cat", "dog", "Cat", " cat ", "", "amazon_logo", "caf\u00e9", "bad\ud800"];

    /// <summary>Realistic 0–100 confidences, awkward ones and any double FsCheck likes.</summary>
    public static Gen<double> Confidence { get; } = Gen.Frequency(
        (4, Gen.Choose(0, 10_000).Select(hundredths => hundredths / 100.0)),
        (2, Gen.Elements(Nasty)),
        (2, ArbMap.Default.GeneratorFor<double>()));

    /// <summary>A few recurring labels, so duplicates are common, plus arbitrary non-null strings.</summary>
    public static Gen<string> Label { get; } = Gen.Frequency(
        (4, Gen.Elements(Labels)),
        (1, ArbMap.Default.GeneratorFor<string>().Where(text => text is not null)));

    public static Gen<Prediction> Prediction { get; } =
        Gen.ListOf(Gen.Zip(Label, Confidence, (label, confidence) => new LabelConfidence(label, confidence)))
            .Select(labels => new Prediction(labels.ToArray()));

    /// <summary>Any value of every knob, NaN and out-of-range included, and any subset of strategies (plus an undeclared one).</summary>
    public static Gen<SamplingSettings> Settings { get; } =
        from strategies in Gen.SubListOf([.. Enum.GetValues<SamplingStrategy>(), (SamplingStrategy)99])
        from knobs in Gen.ArrayOf(Gen.OneOf(Confidence, Gen.Elements(-0.5, 0.0, 0.1, 0.5, 1.0, 1.5)), 7)
        from integers in Gen.ArrayOf(Gen.OneOf(ArbMap.Default.GeneratorFor<int>(), Gen.Elements(int.MinValue, -1, 0, 1, 2, 500, int.MaxValue)), 3)
        select new SamplingSettings
        {
            Strategies = strategies.ToHashSet(),
            MinimumLabelDetectionConfidence = knobs[0],
            LeastConfidenceThreshold = knobs[1],
            MarginThreshold = knobs[2],
            EntropyThreshold = knobs[3],
            RandomRate = knobs[4],
            ConfidenceBandLow = knobs[5],
            ConfidenceBandHigh = knobs[6],
            RandomSeed = integers[0],
            AuditInterval = integers[1],
            MaxHumanLoopsPerDay = integers[2],
        };

    public static Gen<SamplingInput> Input { get; } =
        from prediction in Prediction
        from key in ArbMap.Default.GeneratorFor<string>().Where(text => text is not null)
        from number in Gen.OneOf(ArbMap.Default.GeneratorFor<long>(), Gen.Elements(long.MinValue, 0L, 1L, 100L, long.MaxValue))
        from claimed in Gen.OneOf(Gen.Constant<string?>(null), Label.Select(label => (string?)label))
        from today in Gen.OneOf(ArbMap.Default.GeneratorFor<int>(), Gen.Elements(int.MinValue, 0, 499, 500, int.MaxValue))
        select new SamplingInput(prediction, key, number, claimed, today);

    public static Arbitrary<(SamplingInput Input, SamplingSettings Settings)> Case { get; } =
        Gen.Zip(Input, Settings).ToArbitrary();
}
