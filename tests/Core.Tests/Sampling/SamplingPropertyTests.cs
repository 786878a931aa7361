using ContinuousImprovement.Core.Sampling;

using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ContinuousImprovement.Core.Tests.Sampling;

public sealed class SamplingPropertyTests
{
    [Property(MaxTest = 1000)]
    public Property Decide_never_throws_and_reports_only_finite_figures()
    {
        return Prop.ForAll(SamplingGenerators.Case, testCase =>
        {
            SamplingMetrics metrics = SamplingPolicy.Decide(testCase.Input, testCase.Settings).Metrics;

            return IsFinite(metrics.TopConfidence) && IsFinite(metrics.Margin) && IsFinite(metrics.Entropy)
                && double.IsFinite(metrics.LeastConfidence) && metrics.RandomDraw is >= 0 and < 1
                && (metrics.TopConfidence is null || metrics.TopConfidence >= 0);
        });
    }

    [Property(MaxTest = 1000)]
    public Property Send_to_human_implies_wanted_and_not_capped()
    {
        return Prop.ForAll(SamplingGenerators.Case, testCase =>
        {
            SamplingDecision decision = SamplingPolicy.Decide(testCase.Input, testCase.Settings);
            return !decision.SendToHuman || (decision.Wanted && !decision.Capped);
        });
    }

    [Property(MaxTest = 1000)]
    public Property Capped_implies_wanted_and_wanted_is_either_sent_or_capped()
    {
        return Prop.ForAll(SamplingGenerators.Case, testCase =>
        {
            SamplingDecision decision = SamplingPolicy.Decide(testCase.Input, testCase.Settings);
            return (!decision.Capped || decision.Wanted) && (decision.Wanted == (decision.SendToHuman || decision.Capped));
        });
    }

    [Property(MaxTest = 1000)]
    public Property Wanted_exactly_when_an_enabled_strategy_gave_a_reason_in_enum_order()
    {
        return Prop.ForAll(SamplingGenerators.Case, testCase =>
        {
            SamplingDecision decision = SamplingPolicy.Decide(testCase.Input, testCase.Settings);
            SamplingStrategy[] fired = decision.Reasons.Select(reason => reason.Strategy).ToArray();

            return decision.Wanted == (fired.Length > 0)
                && fired.All(testCase.Settings.Strategies.Contains)
                && fired.SequenceEqual(fired.Order().Distinct())
                && decision.Reasons.All(reason => !string.IsNullOrWhiteSpace(reason.Text))
                && !string.IsNullOrWhiteSpace(decision.Summary);
        });
    }

    [Property(MaxTest = 500)]
    public Property Disabling_all_strategies_never_selects()
    {
        return Prop.ForAll(SamplingGenerators.Case, testCase =>
        {
            SamplingSettings none = testCase.Settings with { Strategies = new HashSet<SamplingStrategy>() };
            SamplingDecision decision = SamplingPolicy.Decide(testCase.Input, none);

            return !decision.Wanted && !decision.SendToHuman && !decision.Capped && decision.Reasons.Count == 0;
        });
    }

    [Property(MaxTest = 1000)]
    public Property Normalized_probabilities_sum_to_one_when_not_empty()
    {
        return Prop.ForAll(SamplingGenerators.Prediction.ToArbitrary(), prediction =>
        {
            IReadOnlyList<LabelProbability> p = prediction.Normalized();

            return p.Count == 0
                || (Math.Abs(p.Sum(label => label.Probability) - 1) <= 1e-9
                    && p.All(label => label.Probability is >= 0 and <= 1)
                    && p.Select(label => label.Label).Distinct(StringComparer.Ordinal).Count() == p.Count);
        });
    }

    [Property(MaxTest = 1000)]
    public Property Normalized_is_empty_only_without_a_positive_usable_confidence()
    {
        return Prop.ForAll(SamplingGenerators.Prediction.ToArbitrary(), prediction =>
            (prediction.Normalized().Count == 0)
            == prediction.Labels.All(label => Prediction.Usable(label.Confidence) == 0));
    }

    [Property(MaxTest = 1000)]
    public Property Entropy_lies_between_zero_and_ln_k()
    {
        return Prop.ForAll(SamplingGenerators.Case, testCase =>
        {
            SamplingDecision decision = SamplingPolicy.Decide(testCase.Input, testCase.Settings);
            int k = testCase.Input.Prediction.Normalized().Count;

            return decision.Metrics.Entropy is not { } entropy || (entropy >= 0 && entropy <= Math.Log(k) + 1e-9);
        });
    }

    [Property(MaxTest = 1000)]
    public Property Top_is_the_most_probable_label_and_uncertainty_figures_are_in_range()
    {
        return Prop.ForAll(SamplingGenerators.Case, testCase =>
        {
            Prediction prediction = testCase.Input.Prediction;
            IReadOnlyList<LabelProbability> p = prediction.Normalized();
            SamplingMetrics metrics = SamplingPolicy.Decide(testCase.Input, testCase.Settings).Metrics;

            bool topAgrees = p.Count == 0 || p[0].Label == prediction.Top!.Label;
            bool topPresent = (prediction.Top is null) == (prediction.Labels.Count == 0);
            bool inRange = metrics.LeastConfidence is >= 0 and <= 1 && (metrics.Margin is null || metrics.Margin is >= 0 and <= 1);
            return topAgrees && topPresent && inRange;
        });
    }

    [Property(MaxTest = 300)]
    public Property The_same_input_always_gets_the_same_decision()
    {
        return Prop.ForAll(SamplingGenerators.Case, testCase =>
        {
            SamplingDecision first = SamplingPolicy.Decide(testCase.Input, testCase.Settings);
            SamplingDecision second = SamplingPolicy.Decide(testCase.Input with { Prediction = new Prediction([.. testCase.Input.Prediction.Labels]) }, testCase.Settings);

            return first.SendToHuman == second.SendToHuman && first.Capped == second.Capped
                && first.Reasons.SequenceEqual(second.Reasons) && first.Metrics == second.Metrics && first.Summary == second.Summary;
        });
    }

    private static bool IsFinite(double? value) => value is null || double.IsFinite(value.Value);
}
