using ContinuousImprovement.Core.Training;

using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ContinuousImprovement.Core.Tests.Training;

public sealed class TrainingCriteriaTests
{
    private static readonly DateTimeOffset Yesterday = new(2026, 3, 1, 2, 30, 0, TimeSpan.Zero);

    // 180 labeled, 120 at the last success, minimum 50: 60 new images, enough to train.
    private static readonly TrainingCriteriaInput Ready = new(
        Enabled: true,
        LabeledCount: 180,
        LabeledFingerprint: "set-180",
        LabeledCountAtLastSuccess: 120,
        MinimumUntrainedImages: 50,
        TrainingInProgress: false,
        LastAttempt: new LastTrainingAttempt("set-120", TrainingAttemptOutcome.Succeeded, Yesterday),
        RetryRequested: false);

    [Fact]
    public void Trains_when_enough_new_images_arrived_since_the_last_success()
    {
        var decision = TrainingCriteria.Evaluate(Ready);

        Assert.True(decision.Train);
        Assert.Equal("60 new labeled images since the last successful training (Minimum-Untrained-Images 50)", decision.Reason);
    }

    [Fact]
    public void Does_not_train_when_disabled()
    {
        var decision = TrainingCriteria.Evaluate(Ready with { Enabled = false });

        Assert.Equal(new TrainingDecision(false, "automatic training is disabled"), decision);
    }

    [Fact]
    public void Does_not_train_while_a_training_runs() =>
        Assert.Equal(new TrainingDecision(false, "a training is already in progress"), TrainingCriteria.Evaluate(Ready with { TrainingInProgress = true }));

    [Fact]
    public void Does_not_train_below_the_minimum()
    {
        var decision = TrainingCriteria.Evaluate(Ready with { LabeledCount = 169 });

        Assert.Equal(new TrainingDecision(false, "49 new labeled images since the last successful training, fewer than Minimum-Untrained-Images 50"), decision);
    }

    [Fact]
    public void Exactly_the_minimum_is_enough() =>
        Assert.True(TrainingCriteria.Evaluate(Ready with { LabeledCount = 170 }).Train);

    [Fact]
    public void Before_any_success_every_labeled_image_is_new()
    {
        var decision = TrainingCriteria.Evaluate(Ready with { LabeledCount = 50, LabeledCountAtLastSuccess = null, LastAttempt = null });

        Assert.Equal(new TrainingDecision(true, "50 labeled images and no successful training yet (Minimum-Untrained-Images 50)"), decision);
    }

    [Fact]
    public void Fewer_images_than_at_the_last_success_count_as_none_new()
    {
        var decision = TrainingCriteria.Evaluate(Ready with { LabeledCount = 100, MinimumUntrainedImages = 1 });

        Assert.Equal(new TrainingDecision(false, "0 new labeled images since the last successful training, fewer than Minimum-Untrained-Images 1"), decision);
    }

    [Fact]
    public void One_new_image_reads_in_the_singular() =>
        Assert.StartsWith("1 new labeled image since", TrainingCriteria.Evaluate(Ready with { LabeledCount = 121, MinimumUntrainedImages = 1 }).Reason, StringComparison.Ordinal);

    [Fact]
    public void A_failed_set_waits_for_new_labels_or_a_retry()
    {
        var decision = TrainingCriteria.Evaluate(Ready with { LastAttempt = new LastTrainingAttempt("set-180", TrainingAttemptOutcome.Failed, Yesterday) });

        Assert.Equal(
            new TrainingDecision(false, "the last training used this same labeled set of 180 images and failed on 2026-03-01 02:30 UTC; waiting for new labels or an operator retry"),
            decision);
    }

    [Fact]
    public void A_gated_out_set_waits_for_new_labels_or_a_retry()
    {
        var decision = TrainingCriteria.Evaluate(Ready with { LastAttempt = new LastTrainingAttempt("set-180", TrainingAttemptOutcome.GatedOut, Yesterday.ToOffset(TimeSpan.FromHours(9))) });

        Assert.False(decision.Train);
        Assert.Equal(
            "the last training used this same labeled set of 180 images and was not deployed on 2026-03-01 02:30 UTC (its F1 did not pass the gate); waiting for new labels or an operator retry",
            decision.Reason);
    }

    [Fact]
    public void A_succeeded_set_is_not_retrained_even_with_a_zero_minimum()
    {
        var decision = TrainingCriteria.Evaluate(Ready with
        {
            LabeledCountAtLastSuccess = 180,
            MinimumUntrainedImages = 0,
            LastAttempt = new LastTrainingAttempt("set-180", TrainingAttemptOutcome.Succeeded, Yesterday),
        });

        Assert.Equal(new TrainingDecision(false, "the last training used this same labeled set of 180 images and succeeded on 2026-03-01 02:30 UTC; waiting for new labels"), decision);
    }

    [Fact]
    public void An_operator_retry_trains_the_failed_set_again()
    {
        var decision = TrainingCriteria.Evaluate(Ready with
        {
            LastAttempt = new LastTrainingAttempt("set-180", TrainingAttemptOutcome.Failed, Yesterday),
            RetryRequested = true,
        });

        Assert.Equal(new TrainingDecision(true, "an operator asked for a retry: the last training used this same labeled set of 180 images and failed on 2026-03-01 02:30 UTC"), decision);
    }

    [Fact]
    public void A_retry_does_not_bypass_the_threshold()
    {
        var decision = TrainingCriteria.Evaluate(Ready with
        {
            MinimumUntrainedImages = 100,
            LastAttempt = new LastTrainingAttempt("set-180", TrainingAttemptOutcome.Failed, Yesterday),
            RetryRequested = true,
        });

        Assert.False(decision.Train);
        Assert.StartsWith("60 new labeled images", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_changed_set_after_a_failure_trains_without_a_retry() =>
        Assert.True(TrainingCriteria.Evaluate(Ready with { LastAttempt = new LastTrainingAttempt("set-179", TrainingAttemptOutcome.Failed, Yesterday) }).Train);

    [Theory]
    [InlineData(-1, 10, "Minimum-Untrained-Images is -1; it must be 0 or more")]
    [InlineData(0, -5, "the labeled image count is -5, which cannot be; check the labeled folder listing")]
    [InlineData(0, 0, "there are no labeled images yet")]
    public void Impossible_or_empty_inputs_do_not_train(int minimum, int labeled, string reason) =>
        Assert.Equal(
            new TrainingDecision(false, reason),
            TrainingCriteria.Evaluate(Ready with { MinimumUntrainedImages = minimum, LabeledCount = labeled, LabeledCountAtLastSuccess = null }));

    private static readonly Gen<LastTrainingAttempt?> LastAttempts =
        Gen.OneOf(
            Gen.Constant<LastTrainingAttempt?>(null),
            from fingerprint in Gen.Elements("a", "b", "c")
            from outcome in Gen.Elements(Enum.GetValues<TrainingAttemptOutcome>())
            from minutes in Gen.Choose(0, 100_000)
            select (LastTrainingAttempt?)new LastTrainingAttempt(fingerprint, outcome, Yesterday.AddMinutes(minutes)));

    private static readonly Gen<TrainingCriteriaInput> Inputs =
        from enabled in ArbMap.Default.GeneratorFor<bool>()
        from labeled in Gen.Choose(-2, 500)
        from fingerprint in Gen.Elements("a", "b", "c")
        from atSuccess in Gen.OneOf(Gen.Constant<int?>(null), Gen.Choose(0, 500).Select(n => (int?)n))
        from minimum in Gen.Choose(-1, 200)
        from inProgress in ArbMap.Default.GeneratorFor<bool>()
        from last in LastAttempts
        from retry in ArbMap.Default.GeneratorFor<bool>()
        select new TrainingCriteriaInput(enabled, labeled, fingerprint, atSuccess, minimum, inProgress, last, retry);

    [Property]
    public Property Never_trains_when_disabled_or_in_progress() =>
        Prop.ForAll(Inputs.ToArbitrary(), input =>
        {
            var decision = TrainingCriteria.Evaluate(input);

            Assert.False(string.IsNullOrWhiteSpace(decision.Reason));
            if (!input.Enabled || input.TrainingInProgress)
            {
                Assert.False(decision.Train);
            }
        });

    [Property]
    public Property Never_trains_a_second_time_on_a_failed_or_gated_out_set_without_a_retry() =>
        Prop.ForAll(
            (from input in Inputs
             from failure in Gen.Elements(TrainingAttemptOutcome.Failed, TrainingAttemptOutcome.GatedOut)
             select (input: input with { RetryRequested = false }, failure)).ToArbitrary(),
            pair =>
            {
                var (input, failure) = pair;

                // Once an attempt on this set has failed, polling again on the same
                // set (any threshold, any count at last success) does not train.
                var afterFailure = input with { LastAttempt = new LastTrainingAttempt(input.LabeledFingerprint, failure, Yesterday) };
                Assert.False(TrainingCriteria.Evaluate(afterFailure).Train);
                Assert.False(TrainingCriteria.Evaluate(afterFailure with { MinimumUntrainedImages = 0, LabeledCountAtLastSuccess = null }).Train);
            });
}
