using ContinuousImprovement.Core.Training;

using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ContinuousImprovement.Core.Tests.Training;

public sealed class DeploymentGateTests
{
    [Fact]
    public void A_tie_keeps_the_serving_model() =>
        Assert.Equal(
            new GateDecision(false, "candidate F1 0.812 ≥ minimum 0.800 but not better than serving F1 0.812 (ties keep the serving model)"),
            DeploymentGate.Decide(0.812, 0.8, 0.812));

    [Fact]
    public void A_better_candidate_above_the_minimum_passes() =>
        Assert.Equal(
            new GateDecision(true, "candidate F1 0.850 ≥ minimum 0.800 and better than serving F1 0.830"),
            DeploymentGate.Decide(0.85, 0.8, 0.83));

    [Fact]
    public void A_worse_candidate_fails() =>
        Assert.Equal(
            new GateDecision(false, "candidate F1 0.850 ≥ minimum 0.800 but not better than serving F1 0.900"),
            DeploymentGate.Decide(0.85, 0.8, 0.9));

    [Fact]
    public void Below_the_minimum_fails_even_with_no_serving_model() =>
        Assert.Equal(new GateDecision(false, "candidate F1 0.750 is below minimum 0.800"), DeploymentGate.Decide(0.75, 0.8, null));

    [Fact]
    public void Below_the_minimum_fails_even_when_better_than_serving() =>
        Assert.False(DeploymentGate.Decide(0.75, 0.8, 0.5).Pass);

    [Fact]
    public void With_no_serving_model_the_minimum_alone_decides() =>
        Assert.Equal(new GateDecision(true, "candidate F1 0.800 ≥ minimum 0.800 and no model is serving yet"), DeploymentGate.Decide(0.8, 0.8, null));

    [Fact]
    public void Scores_that_round_alike_are_shown_with_enough_decimals_to_differ()
    {
        Assert.Equal("candidate F1 0.7999 is below minimum 0.8000", DeploymentGate.Decide(0.7999, 0.8, null).Reason);
        Assert.Equal(
            "candidate F1 0.8124 ≥ minimum 0.800 and better than serving F1 0.8121",
            DeploymentGate.Decide(0.8124, 0.8, 0.8121).Reason);
    }

    [Theory]
    [InlineData(double.NaN, "candidate F1 is NaN, not a score; it never deploys")]
    [InlineData(double.PositiveInfinity, "candidate F1 is Infinity, not a score; it never deploys")]
    public void A_candidate_without_a_real_score_never_passes(double candidate, string reason) =>
        Assert.Equal(new GateDecision(false, reason), DeploymentGate.Decide(candidate, 0, null));

    [Fact]
    public void A_broken_minimum_blocks_deployment() =>
        Assert.Equal(
            new GateDecision(false, "Minimum-F1-Score is NaN, not a score; nothing deploys until it is fixed"),
            DeploymentGate.Decide(0.9, double.NaN, 0.1));

    [Fact]
    public void An_unknown_serving_score_leaves_only_the_minimum() =>
        Assert.Equal(
            new GateDecision(true, "candidate F1 0.900 ≥ minimum 0.800; the serving model's F1 is unknown, so only the minimum applies"),
            DeploymentGate.Decide(0.9, 0.8, double.NaN));

    private const string Serving = "arn:serving";

    [Fact]
    public void A_candidate_below_the_serving_models_recorded_f1_passes_when_better_on_the_same_test_images() =>
        Assert.Equal(
            new GateDecision(true, "candidate F1 0.810 ≥ minimum 0.800 and better than serving F1 0.430 on the same 6 test images"),
            DeploymentGate.DecideAgainst(0.81, 0.8, new ServingBaseline(Serving, 0.82, Rescored(0.43, scored: 6, testImages: 6))));

    [Fact]
    public void A_candidate_above_the_serving_models_recorded_f1_fails_when_worse_on_the_same_test_images() =>
        Assert.Equal(
            new GateDecision(false, "candidate F1 0.900 ≥ minimum 0.800 but not better than serving F1 1.000 on 998 of the same 4321 test images (a fixed sample of 1000)"),
            DeploymentGate.DecideAgainst(0.9, 0.8, new ServingBaseline(Serving, 0.82, Rescored(1.0, scored: 998, testImages: 4321, sampled: 1000))));

    [Fact]
    public void A_serving_model_that_could_not_be_scored_is_compared_by_its_recorded_f1_and_the_reason_says_why() =>
        Assert.Equal(
            new GateDecision(false, "candidate F1 0.810 ≥ minimum 0.800 but not better than serving F1 0.820 as recorded at its deployment, on an older test set (not scored on the same test images: the serving version is STOPPED, not RUNNING)"),
            DeploymentGate.DecideAgainst(0.81, 0.8, new ServingBaseline(Serving, 0.82, ServingRescoring.NotScored(Serving, "the serving version is STOPPED, not RUNNING"))));

    [Fact]
    public void A_score_of_another_version_than_the_one_serving_now_is_not_used() =>
        Assert.Equal(
            new GateDecision(true, "candidate F1 0.850 ≥ minimum 0.800 and better than serving F1 0.820 as recorded at its deployment, on an older test set (not scored on the same test images: the score is of arn:old, but arn:serving serves now)"),
            DeploymentGate.DecideAgainst(0.85, 0.8, new ServingBaseline(Serving, 0.82, Rescored(0.9, scored: 6, testImages: 6) with { ServingVersionArn = "arn:old" })));

    [Fact]
    public void A_serving_model_with_no_recorded_f1_is_measured_on_the_same_test_images_when_it_can_be() =>
        Assert.False(DeploymentGate.DecideAgainst(0.85, 0.8, new ServingBaseline(Serving, null, Rescored(0.9, scored: 6, testImages: 6))).Pass);

    [Fact]
    public void A_serving_model_with_no_score_at_all_leaves_only_the_minimum_and_says_why() =>
        Assert.Equal(
            new GateDecision(true, "candidate F1 0.850 ≥ minimum 0.800; the serving model's F1 is unknown (none was recorded, and it was not scored on the same test images: no score was given), so only the minimum applies"),
            DeploymentGate.DecideAgainst(0.85, 0.8, new ServingBaseline(Serving, null, null)));

    [Fact]
    public void With_no_serving_model_the_same_test_set_rule_is_the_minimum_alone() =>
        Assert.Equal(DeploymentGate.Decide(0.85, 0.8, null), DeploymentGate.DecideAgainst(0.85, 0.8, null));

    [Property]
    public Property Against_the_serving_model_passes_exactly_when_better_than_its_same_test_set_score_else_its_recorded_one() =>
        Prop.ForAll(
            (from candidate in Score
             from minimum in Score
             from recorded in Gen.OneOf(Gen.Constant<double?>(null), Score.Select(s => (double?)s))
             from rescored in Gen.OneOf(Gen.Constant<double?>(null), Score.Select(s => (double?)s))
             from sameVersion in Gen.Elements(true, false)
             select (candidate, minimum, recorded, rescored, sameVersion)).ToArbitrary(),
            input =>
            {
                var (candidate, minimum, recorded, rescored, sameVersion) = input;
                var rescore = rescored is { } f1 ? Rescored(f1, scored: 10, testImages: 10) with { ServingVersionArn = sameVersion ? Serving : "arn:other" } : ServingRescoring.NotScored(Serving, "the test manifest is gone");
                var baseline = new ServingBaseline(Serving, recorded, rescore);

                var decision = DeploymentGate.DecideAgainst(candidate, minimum, baseline);

                var onSameTestSet = rescored is not null && sameVersion;
                var bar = onSameTestSet ? rescored : recorded;
                Assert.Equal(onSameTestSet, baseline.OnSameTestSet);
                Assert.Equal(candidate >= minimum && (bar is null || candidate > bar), decision.Pass);
                if (candidate >= minimum)
                {
                    Assert.Equal(onSameTestSet, decision.Reason.Contains("on the same 10 test images", StringComparison.Ordinal));
                    Assert.Equal(!onSameTestSet, decision.Reason.Contains("not scored on the same test images", StringComparison.Ordinal));
                }
            });

    private static ServingRescore Rescored(double f1, int scored, int testImages, int? sampled = null) =>
        new(Serving, f1, testImages, sampled ?? testImages, scored, (sampled ?? testImages) - scored, null, 0, null, null);

    private static readonly Gen<double> Score = Gen.Choose(0, 1000).Select(n => n / 1000.0);

    [Property]
    public Property Passes_exactly_when_at_least_the_minimum_and_strictly_better_than_serving() =>
        Prop.ForAll(
            (from candidate in Score
             from minimum in Score
             from serving in Gen.OneOf(Gen.Constant<double?>(null), Score.Select(s => (double?)s))
             select (candidate, minimum, serving)).ToArbitrary(),
            input =>
            {
                var (candidate, minimum, serving) = input;
                var decision = DeploymentGate.Decide(candidate, minimum, serving);

                Assert.Equal(candidate >= minimum && (serving is null || candidate > serving), decision.Pass);
                Assert.Contains(candidate.ToString("F3", System.Globalization.CultureInfo.InvariantCulture), decision.Reason, StringComparison.Ordinal);
            });
}
