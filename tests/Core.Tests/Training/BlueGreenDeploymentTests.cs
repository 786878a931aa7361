using System.Text.Json;

using ContinuousImprovement.Core.Training;

using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ContinuousImprovement.Core.Tests.Training;

public sealed class BlueGreenDeploymentTests
{
    private const string Old = "arn:aws:rekognition:eu-west-1:123456789012:project/p/version/v1/1";
    private const string New = "arn:aws:rekognition:eu-west-1:123456789012:project/p/version/v2/2";

    private static readonly StepOutcome Ok = StepOutcome.Success();
    private static readonly StepOutcome Boom = StepOutcome.Failure("boom");

    // Performs the pending action with each outcome in turn; returns every state seen and every action requested.
    private static (List<BlueGreenDeployment> States, List<BlueGreenAction> Actions) Run(BlueGreenDeployment start, IEnumerable<bool> outcomes)
    {
        var states = new List<BlueGreenDeployment> { start };
        var actions = new List<BlueGreenAction> { start.PendingAction };
        foreach (var succeeded in outcomes)
        {
            if (states[^1].IsFinished)
            {
                break;
            }

            var step = states[^1].Next(succeeded ? Ok : Boom);
            Assert.Equal(step.State.PendingAction, step.Action);
            states.Add(step.State);
            actions.Add(step.Action);
        }

        return (states, actions);
    }

    [Fact]
    public void The_happy_path_starts_waits_switches_then_stops_the_old_version()
    {
        var (states, actions) = Run(BlueGreenDeployment.Start(Old, New), [true, true, true, true]);

        Assert.Equal(
            [BlueGreenAction.StartNew, BlueGreenAction.WaitUntilRunning, BlueGreenAction.SwitchServing, BlueGreenAction.StopOld, BlueGreenAction.None],
            actions);
        Assert.Equal([Old, Old, Old, New, New], states.Select(s => s.ServingVersionArn));
        var done = states[^1];
        Assert.Equal(BlueGreenPhase.Done, done.Phase);
        Assert.Null(done.Warning);
        Assert.Equal($"deployed {New}; {Old} stopped", done.Summary);
        Assert.Equal(
            [
                "start the new model version: done",
                "wait until the new model version is running: done",
                "switch serving to the new model version: done",
                "stop the old model version: done",
            ],
            done.History);
    }

    [Fact]
    public void A_first_deployment_has_nothing_to_stop_after_the_switch()
    {
        var (states, actions) = Run(BlueGreenDeployment.Start(null, New), [true, true, true]);

        Assert.Equal([BlueGreenAction.StartNew, BlueGreenAction.WaitUntilRunning, BlueGreenAction.SwitchServing, BlueGreenAction.None], actions);
        Assert.Equal([null, null, null, New], states.Select(s => s.ServingVersionArn));
        Assert.Equal($"deployed {New}", states[^1].Summary);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void A_new_version_that_does_not_start_or_run_is_stopped_and_the_old_keeps_serving(int failingStep)
    {
        var outcomes = Enumerable.Repeat(true, failingStep).Append(false).Append(true);

        var (states, actions) = Run(BlueGreenDeployment.Start(Old, New), outcomes);

        Assert.Equal([BlueGreenAction.StopNew, BlueGreenAction.None], actions[^2..]);
        Assert.Equal(BlueGreenPhase.Aborted, states[^1].Phase);
        Assert.Equal(Old, states[^1].ServingVersionArn);
        Assert.Equal($"deployment of {New} aborted; {Old} keeps serving", states[^1].Summary);
        Assert.Contains(states[^1].History, h => h.EndsWith("failed: boom", StringComparison.Ordinal));
    }

    [Fact]
    public void A_failed_switch_rolls_back_then_stops_the_new_version()
    {
        var (states, actions) = Run(BlueGreenDeployment.Start(Old, New), [true, true, false, true, true]);

        Assert.Equal(
            [BlueGreenAction.StartNew, BlueGreenAction.WaitUntilRunning, BlueGreenAction.SwitchServing, BlueGreenAction.RollBack, BlueGreenAction.StopNew, BlueGreenAction.None],
            actions);
        Assert.All(states, s => Assert.Equal(Old, s.ServingVersionArn));
        Assert.Equal(BlueGreenPhase.Aborted, states[^1].Phase);
    }

    [Fact]
    public void A_failed_first_switch_has_nothing_to_roll_back_to()
    {
        var (states, actions) = Run(BlueGreenDeployment.Start(null, New), [true, true, false, true]);

        Assert.Equal(BlueGreenAction.StopNew, actions[3]);
        Assert.Equal($"deployment of {New} aborted; no model is serving yet", states[^1].Summary);
    }

    [Fact]
    public void Stopping_the_old_version_is_retried_three_times_then_done_with_a_warning()
    {
        var (states, actions) = Run(BlueGreenDeployment.Start(Old, New), [true, true, true, false, false, false, false]);

        Assert.Equal(4, actions.Count(a => a == BlueGreenAction.StopOld));
        var done = states[^1];
        Assert.Equal(BlueGreenPhase.Done, done.Phase);
        Assert.Equal(New, done.ServingVersionArn);
        Assert.Equal($"old version {Old} still running: stop it by hand", done.Warning);
        Assert.Equal($"deployed {New}, but old version {Old} still running: stop it by hand", done.Summary);
        Assert.Equal(
            [
                "stop the old model version: failed: boom",
                "stop the old model version (retry 1 of 3): failed: boom",
                "stop the old model version (retry 2 of 3): failed: boom",
                "stop the old model version (retry 3 of 3): failed: boom",
                $"gave up after 4 attempts: old version {Old} still running: stop it by hand",
            ],
            done.History.Skip(3));
    }

    [Fact]
    public void A_stop_that_succeeds_on_a_retry_ends_without_warning()
    {
        var (states, _) = Run(BlueGreenDeployment.Start(Old, New), [true, true, true, false, false, true]);

        Assert.Equal(BlueGreenPhase.Done, states[^1].Phase);
        Assert.Null(states[^1].Warning);
        Assert.Equal(0, states[^1].Attempts);
    }

    [Fact]
    public void The_number_of_retries_is_configurable()
    {
        var (states, actions) = Run(BlueGreenDeployment.Start(Old, New, maxRetries: 0), [true, true, true, false]);

        Assert.Single(actions, a => a == BlueGreenAction.StopOld);
        Assert.NotNull(states[^1].Warning);
    }

    [Fact]
    public void An_unconfirmed_rollback_leaves_the_new_version_running_and_warns()
    {
        var (states, actions) = Run(BlueGreenDeployment.Start(Old, New, maxRetries: 1), [true, true, false, false, false]);

        Assert.DoesNotContain(BlueGreenAction.StopNew, actions);
        Assert.Equal(BlueGreenPhase.Aborted, states[^1].Phase);
        Assert.Equal(Old, states[^1].ServingVersionArn);
        Assert.Contains($"stop {New} by hand", states[^1].Warning, StringComparison.Ordinal);
    }

    [Fact]
    public void A_new_version_that_will_not_stop_is_reported()
    {
        var (states, _) = Run(BlueGreenDeployment.Start(Old, New), [false, false, false, false, false]);

        Assert.Equal(BlueGreenPhase.Aborted, states[^1].Phase);
        Assert.Equal($"deployment of {New} aborted; {Old} keeps serving, but new version {New} still running: stop it by hand", states[^1].Summary);
    }

    [Fact]
    public void Deploying_the_serving_version_again_does_nothing()
    {
        var state = BlueGreenDeployment.Start(New, New);

        Assert.Equal((BlueGreenPhase.Done, BlueGreenAction.None, New), (state.Phase, state.PendingAction, state.ServingVersionArn));
        Assert.Equal([$"{New} is already serving; nothing to deploy"], state.History);
    }

    [Fact]
    public void A_finished_deployment_ignores_further_outcomes()
    {
        var done = Run(BlueGreenDeployment.Start(null, New), [true, true, true]).States[^1];

        var step = done.Next(Boom);

        Assert.Same(done, step.State);
        Assert.Equal(BlueGreenAction.None, step.Action);
    }

    [Fact]
    public void Every_action_and_phase_has_a_description()
    {
        Assert.All(Enum.GetValues<BlueGreenAction>(), a => Assert.DoesNotContain("unknown", a.Describe(), StringComparison.Ordinal));
        Assert.All(Enum.GetValues<BlueGreenPhase>(), p => Assert.DoesNotContain("unknown", p.Describe(), StringComparison.Ordinal));
        Assert.Equal("stop the old model version", BlueGreenAction.StopOld.Describe());
        Assert.Equal("aborted: serving unchanged", BlueGreenPhase.Aborted.Describe());
    }

    [Fact]
    public void The_state_travels_as_camel_case_json_with_phase_names()
    {
        var state = BlueGreenDeployment.Start(Old, New).Next(Ok).State;

        var json = JsonSerializer.Serialize(state, TrainingJsonContext.Default.BlueGreenDeployment);
        using var document = JsonDocument.Parse(json);

        Assert.Equal("WaitingForNew", document.RootElement.GetProperty("phase").GetString());
        Assert.Equal("WaitUntilRunning", document.RootElement.GetProperty("pendingAction").GetString());
        Assert.Equal(Old, document.RootElement.GetProperty("servingVersionArn").GetString());
        Assert.Equal(New, document.RootElement.GetProperty("newVersionArn").GetString());
    }

    private static readonly Gen<(string? Old, int MaxRetries, bool[] Outcomes)> Runs =
        from old in Gen.Elements<string?>(Old, null)
        from maxRetries in Gen.Choose(0, 4)
        from outcomes in ArbMap.Default.GeneratorFor<bool>().ArrayOf(30)
        select (old, maxRetries, outcomes);

    [Property]
    public Property Exactly_one_version_serves_at_every_step_and_aborting_leaves_the_old_one() =>
        Prop.ForAll(Runs.ToArbitrary(), run =>
        {
            var (states, actions) = Run(BlueGreenDeployment.Start(run.Old, New, run.MaxRetries), run.Outcomes);

            // 30 outcomes always suffice: at most 3 steps + 2 phases × (retries + 1) attempts.
            var last = states[^1];
            Assert.True(last.IsFinished);
            for (var i = 0; i < states.Count; i++)
            {
                var state = states[i];
                if (run.Old is not null)
                {
                    Assert.NotNull(state.ServingVersionArn);
                    Assert.Contains(state.ServingVersionArn, new[] { Old, New });
                }
                else
                {
                    Assert.NotEqual(Old, state.ServingVersionArn);
                }

                // The version being stopped is never the serving one.
                if (actions[i] == BlueGreenAction.StopOld)
                {
                    Assert.Equal(New, state.ServingVersionArn);
                }

                if (actions[i] == BlueGreenAction.StopNew)
                {
                    Assert.NotEqual(New, state.ServingVersionArn);
                }

                Assert.InRange(state.Attempts, 0, run.MaxRetries);
            }

            Assert.Equal(last.Phase == BlueGreenPhase.Aborted ? run.Old : New, last.ServingVersionArn);

            // Done exactly when serving was switched to the new version; otherwise Aborted.
            var switched = Enumerable.Range(0, states.Count - 1).Any(i => actions[i] == BlueGreenAction.SwitchServing && run.Outcomes[i]);
            Assert.Equal(switched ? BlueGreenPhase.Done : BlueGreenPhase.Aborted, last.Phase);
            Assert.Equal(BlueGreenAction.None, last.PendingAction);
            if (run.Old is null)
            {
                Assert.DoesNotContain(BlueGreenAction.StopOld, actions);
            }
        });

    [Property]
    public Property Every_state_survives_a_json_round_trip() =>
        Prop.ForAll(Runs.ToArbitrary(), run =>
        {
            foreach (var state in Run(BlueGreenDeployment.Start(run.Old, New, run.MaxRetries), run.Outcomes).States)
            {
                var json = JsonSerializer.Serialize(state, TrainingJsonContext.Default.BlueGreenDeployment);
                var back = JsonSerializer.Deserialize(json, TrainingJsonContext.Default.BlueGreenDeployment)!;

                Assert.Equal(state with { History = back.History }, back);
                Assert.Equal(state.History, back.History);
                Assert.Equal(json, JsonSerializer.Serialize(back, TrainingJsonContext.Default.BlueGreenDeployment));
            }
        });
}
