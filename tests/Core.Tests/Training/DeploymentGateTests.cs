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
