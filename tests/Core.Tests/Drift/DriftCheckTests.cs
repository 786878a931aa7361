using ContinuousImprovement.Core.Drift;
using ContinuousImprovement.Core.Ports;
using ContinuousImprovement.Core.State;
using ContinuousImprovement.Core.Training;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ContinuousImprovement.Core.Tests.Drift;

public sealed class DriftCheckTests
{
    private const string Arn = "arn:aws:rekognition:us-east-1:111122223333:project/p/version/v2/1";
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
    private static readonly DriftSettings Settings = new(20, 0.05, new HashSet<string>(LabelSources.Unbiased));

    private static ServingVersion Serving(double? f1 = 0.9) => new(Arn, f1, Now.AddDays(-3));

    // `agreed` cat→cat, the rest cat→dog.
    private static ModelConfusion Confusion(int labels, int agreed) =>
        ModelConfusion.Of(Arn, [new ConfusionCell("cat", "cat", agreed), new ConfusionCell("cat", "dog", labels - agreed)]);

    [Fact]
    public void The_worked_example_drifts_at_60_labels_then_waits_for_a_fresh_window_and_the_same_share_of_20_does_not()
    {
        var first = DriftCheck.Decide(Serving(), Confusion(60, 45), null, Settings, Now);
        var next = DriftCheck.Decide(Serving(), Confusion(70, 52), first.Alert, Settings, Now.AddHours(1));
        var small = DriftCheck.Decide(Serving(), Confusion(20, 15), null, Settings, Now);

        Assert.Equal(DriftStatus.Drift, first.Status);
        Assert.Equal(new DriftAlert(Arn, 60, 45, Now), first.Alert);
        Assert.Equal(0.15, first.Limit!.Value, 1e-12);
        Assert.Equal(0.17019764056532904, first.LowerBound!.Value, 1e-12);
        Assert.Equal("Drift: 45 of 60 human labels agreed since the version started serving, disagreement 25.0% (95% lower bound 17.0%) against a limit of 15.0% (1 − F1 0.900 + tolerance 0.050).", first.Summary);
        Assert.Equal((DriftStatus.TooFewLabels, new DriftWindow(10, 7)), (next.Status, next.Window));
        Assert.Null(next.Alert);
        Assert.Equal("Drift not judged yet: 7 of 10 human labels agreed since the last drift alert (2026-03-02 10:00 UTC), 20 human labels needed (Drift-Minimum-Human-Labels).", next.Summary);
        Assert.Equal(DriftStatus.WithinTolerance, small.Status);
        Assert.Equal(0.12737716852035766, small.LowerBound!.Value, 1e-12);
    }

    [Fact]
    public void A_fresh_window_after_an_alert_that_drifts_on_its_own_alerts_again_with_the_running_totals()
    {
        var alert = new DriftAlert(Arn, 60, 45, Now.AddDays(-1));

        var decision = DriftCheck.Decide(Serving(), Confusion(100, 65), alert, Settings, Now);

        Assert.Equal((DriftStatus.Drift, new DriftWindow(40, 20)), (decision.Status, decision.Window));
        Assert.Equal(alert, decision.Since);
        Assert.Equal(new DriftAlert(Arn, 100, 65, Now), decision.Alert);
    }

    [Fact]
    public void An_alert_of_an_earlier_version_does_not_shorten_the_serving_versions_window()
    {
        var old = new DriftAlert("arn:old", 60, 0, Now.AddDays(-9));

        var decision = DriftCheck.Decide(Serving(), Confusion(60, 45), old, Settings, Now);

        Assert.Equal((DriftStatus.Drift, new DriftWindow(60, 45)), (decision.Status, decision.Window));
        Assert.Null(decision.Since);
    }

    [Fact]
    public void Nothing_is_judged_without_a_serving_version_or_without_its_f1()
    {
        var none = DriftCheck.Decide(null, Confusion(60, 0), null, Settings, Now);
        var unknown = DriftCheck.Decide(Serving(null), Confusion(60, 0), null, Settings, Now);
        var notAScore = DriftCheck.Decide(Serving(double.NaN), Confusion(60, 0), null, Settings, Now);

        Assert.Equal((DriftStatus.NoModelServing, (string?)null), (none.Status, none.ModelVersionArn));
        Assert.Equal("Drift not checked: no model version is serving.", none.Summary);
        Assert.Equal(DriftStatus.NoPromise, unknown.Status);
        Assert.Equal(DriftStatus.NoPromise, notAScore.Status);
        Assert.All(new[] { none, unknown, notAScore }, d => Assert.Null(d.Alert));
    }

    [Fact]
    public void Labels_changed_since_the_alert_never_make_a_negative_window()
    {
        var alert = new DriftAlert(Arn, 60, 45, Now.AddDays(-1));

        var decision = DriftCheck.Decide(Serving(), Confusion(58, 50), alert, Settings, Now);

        Assert.Equal((DriftStatus.TooFewLabels, new DriftWindow(0, 0)), (decision.Status, decision.Window));
    }

    [Fact]
    public void A_perfect_promise_allows_only_the_tolerance()
    {
        var decision = DriftCheck.Decide(Serving(1.0), Confusion(50, 42), null, Settings with { MinimumHumanLabels = 50 }, Now);

        Assert.Equal(0.05, decision.Limit!.Value, 1e-12);
        Assert.Equal(DriftStatus.Drift, decision.Status);
    }

    [Property(MaxTest = 1000)]
    public Property Fewer_labels_than_the_minimum_never_drift() =>
        Prop.ForAll(Cases().ToArbitrary(), c =>
        {
            var decision = DriftCheck.Decide(Serving(c.F1), Confusion(c.Labels, c.Agreed), null, Settings with { MinimumHumanLabels = c.Minimum, Tolerance = c.Tolerance }, Now);
            return c.Labels >= c.Minimum || decision.Status == DriftStatus.TooFewLabels;
        });

    [Property(MaxTest = 1000)]
    public Property Drift_is_raised_only_when_the_observed_disagreement_is_above_the_limit_and_then_with_an_alert() =>
        Prop.ForAll(Cases().ToArbitrary(), c =>
        {
            var decision = DriftCheck.Decide(Serving(c.F1), Confusion(c.Labels, c.Agreed), null, Settings with { MinimumHumanLabels = c.Minimum, Tolerance = c.Tolerance }, Now);
            var limit = Math.Min(1, 1 - c.F1 + c.Tolerance);
            return decision.Status != DriftStatus.Drift
                || (decision.Window.Disagreement > limit && decision.Alert == new DriftAlert(Arn, c.Labels, c.Agreed, Now));
        });

    [Property(MaxTest = 1000)]
    public Property More_disagreement_in_as_many_labels_never_turns_drift_off() =>
        Prop.ForAll(Cases().Where(c => c.Agreed > 0).ToArbitrary(), c =>
        {
            var settings = Settings with { MinimumHumanLabels = c.Minimum, Tolerance = c.Tolerance };
            var before = DriftCheck.Decide(Serving(c.F1), Confusion(c.Labels, c.Agreed), null, settings, Now);
            var worse = DriftCheck.Decide(Serving(c.F1), Confusion(c.Labels, c.Agreed - 1), null, settings, Now);
            return before.Status != DriftStatus.Drift || worse.Status == DriftStatus.Drift;
        });

    [Property(MaxTest = 1000)]
    public Property Right_after_an_alert_the_same_labels_never_alert_again() =>
        Prop.ForAll(Cases().ToArbitrary(), c =>
        {
            var settings = Settings with { MinimumHumanLabels = c.Minimum, Tolerance = c.Tolerance };
            var first = DriftCheck.Decide(Serving(c.F1), Confusion(c.Labels, c.Agreed), null, settings, Now);
            var again = DriftCheck.Decide(Serving(c.F1), Confusion(c.Labels, c.Agreed), first.Alert, settings, Now.AddHours(1));
            return first.Alert is null || again.Status == DriftStatus.TooFewLabels;
        });

    private static Gen<(int Labels, int Agreed, double F1, double Tolerance, int Minimum)> Cases() =>
        from labels in Gen.Choose(0, 2000)
        from agreed in Gen.Choose(0, labels)
        from f1 in Gen.Choose(0, 1000).Select(x => x / 1000.0)
        from tolerance in Gen.Choose(0, 300).Select(x => x / 1000.0)
        from minimum in Gen.Choose(1, 200)
        select (labels, agreed, f1, tolerance, minimum);
}
