using ContinuousImprovement.Asl.Runtime;
using ContinuousImprovement.Core.Drift;
using ContinuousImprovement.Core.Notifications;
using ContinuousImprovement.Core.Ports;
using ContinuousImprovement.Handlers.OperationsDigest;
using ContinuousImprovement.Workflows.Tests.Twin;

namespace ContinuousImprovement.Workflows.Tests.OperationsDigest;

public sealed class OperationsDigestWorkflowTests
{
    [Fact]
    public async Task Waiting_notifications_go_out_in_one_digest_mail_with_counts_per_kind_and_are_then_marked_sent()
    {
        using var twin = await OperationsTwin.StartAsync();
        await twin.WaitingAsync(30, "detection-completed");
        await twin.WaitingAsync(4, "review-started", subject: "Review started:");

        var run = await twin.RunAsync();

        Assert.Equal(ExecutionStatus.Succeeded, run.Status);
        var mail = Assert.Single(twin.Outbox.Published());
        Assert.Equal(OperationsKinds.Digest, mail.Kind);
        Assert.Equal("Digest: 34 notifications since 2026-03-02 08:30 UTC", mail.Subject);
        Assert.Contains("34 notifications were added from 2026-03-02 08:30:00 to 2026-03-02 08:30:29 UTC.", mail.Message, StringComparison.Ordinal);
        Assert.Contains("  30  detection-completed\n   4  review-started\n", mail.Message, StringComparison.Ordinal);
        Assert.Contains("detection-completed: the newest 5 of 30\n  2026-03-02 08:30:29  Detected cat in detection-completed-30.png\n", mail.Message, StringComparison.Ordinal);
        Assert.Contains("review-started: all 4\n", mail.Message, StringComparison.Ordinal);
        Assert.Contains("Deployment: bucket \"ci-uploads\".", mail.Message, StringComparison.Ordinal);
        Assert.Contains("Drift not judged yet: 0 of 0 human labels agreed since the version started serving, 50 human labels needed", mail.Message, StringComparison.Ordinal);
        Assert.Contains("covers the notifications added before 2026-03-02 09:15:00 UTC", mail.Message, StringComparison.Ordinal);
        Assert.Empty(twin.Digest.Pending());
        Assert.Null(await twin.ClaimAsync());
        Assert.Equal("claimed", run.Text("digest.status"));
        Assert.Equal("true", run.Text("marked.marked"));
    }

    [Fact]
    public async Task Nothing_waiting_sends_no_mail_and_leaves_no_claim()
    {
        using var twin = await OperationsTwin.StartAsync();

        var run = await twin.RunAsync();

        Assert.Equal(ExecutionStatus.Succeeded, run.Status);
        Assert.Equal("empty", run.Text("digest.status"));
        Assert.Empty(twin.Outbox.Published());
        Assert.Null(await twin.ClaimAsync());
    }

    [Fact]
    public async Task A_second_run_mails_nothing_again_and_a_later_one_only_what_was_added_since()
    {
        using var twin = await OperationsTwin.StartAsync();
        await twin.WaitingAsync(3);
        await twin.RunAsync();

        var again = await twin.RunAsync();
        twin.Clock.Advance(TimeSpan.FromHours(1));
        await twin.WaitingAsync(2, "image-filed", ago: TimeSpan.FromMinutes(20), subject: "Filed");
        var later = await twin.RunAsync();

        Assert.Equal(("empty", "claimed"), (again.Text("digest.status"), later.Text("digest.status")));
        var mails = twin.Outbox.Published();
        Assert.Equal(2, mails.Count);
        Assert.Contains("  3  detection-completed\n", mails[0].Message, StringComparison.Ordinal);
        Assert.Contains("  2  image-filed\n", mails[1].Message, StringComparison.Ordinal);
        Assert.DoesNotContain("detection-completed", mails[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Notifications_added_within_the_settle_time_wait_for_the_next_digest()
    {
        using var twin = await OperationsTwin.StartAsync();
        await twin.WaitingAsync(2, "review-started", ago: TimeSpan.FromMinutes(20));
        await twin.WaitingAsync(1, "image-filed", ago: TimeSpan.FromMinutes(10));

        await twin.RunAsync();

        var mail = Assert.Single(twin.Outbox.Published());
        Assert.Contains("  2  review-started\n", mail.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("image-filed", mail.Message, StringComparison.Ordinal);
        Assert.Equal(["image-filed"], twin.Digest.Pending().Select(n => n.Kind));
    }

    [Fact]
    public async Task A_live_claim_of_another_run_sends_nothing_and_once_stale_it_is_taken_over_with_everything()
    {
        using var twin = await OperationsTwin.StartAsync();
        await twin.WaitingAsync(3);
        var other = new DigestClaim("run-that-died", twin.Clock.Now.AddMinutes(-20), twin.Clock.Now.AddMinutes(-5));
        Assert.True(await twin.Digest.TryClaimAsync(null, other, default));

        var busy = await twin.RunAsync();
        twin.Clock.Advance(TimeSpan.FromMinutes(11));
        var takeover = await twin.RunAsync();

        Assert.Equal(ExecutionStatus.Succeeded, busy.Status);
        Assert.Equal("busy", busy.Text("digest.status"));
        Assert.Contains("\"run-that-died\", claimed at 2026-03-02 09:25:00 UTC, is sending the waiting notifications", busy.Text("digest.summary"), StringComparison.Ordinal);
        Assert.Equal("claimed", takeover.Text("digest.status"));
        var mail = Assert.Single(twin.Outbox.Published());
        Assert.Contains("  3  detection-completed\n", mail.Message, StringComparison.Ordinal);
        Assert.Empty(twin.Digest.Pending());
        Assert.Null(await twin.ClaimAsync());
    }

    [Fact]
    public async Task Drift_on_unbiased_labels_is_mailed_at_once_with_its_figures_and_remembered()
    {
        using var twin = await OperationsTwin.StartAsync(servingF1: 0.9);
        await twin.LabeledAsync(60, agreed: 40);
        await twin.LabeledAsync(30, agreed: 30, reason: OperationsTwin.UncertainReason);

        var run = await twin.RunAsync();

        Assert.Equal(ExecutionStatus.Succeeded, run.Status);
        var drift = Assert.Single(twin.Outbox.Published());
        Assert.Equal("drift-detected", drift.Kind);
        Assert.Equal("Drift: the serving model agrees with 66.7% of 60 human labels", drift.Subject);
        Assert.Contains("Drift: 40 of 60 human labels agreed since the version started serving, disagreement 33.3% (95% lower bound 24.2%) against a limit of 15.0% (1 − F1 0.900 + tolerance 0.050).", drift.Message, StringComparison.Ordinal);
        Assert.Contains("sent to review by audit, audit-sampling, random (Drift-Label-Sources)", drift.Message, StringComparison.Ordinal);
        Assert.Contains("(human label → model's top label): \"dog\" → \"cat\" ×20.", drift.Message, StringComparison.Ordinal);
        Assert.Equal(new DriftAlert(OperationsTwin.ServingArn, 60, 40, twin.Clock.Now), await twin.AlertAsync());
        Assert.Equal("true", run.Text("driftRecorded.recorded"));
        Assert.Equal("empty", run.Text("digest.status"));
    }

    [Fact]
    public async Task The_next_run_does_not_alert_on_the_same_labels_but_a_fresh_window_that_drifts_does()
    {
        using var twin = await OperationsTwin.StartAsync();
        await twin.LabeledAsync(60, agreed: 40);
        await twin.RunAsync();

        var same = await twin.RunAsync();
        await twin.LabeledAsync(30, agreed: 25);
        var fewNew = await twin.RunAsync();
        await twin.LabeledAsync(30, agreed: 10);
        var freshWindow = await twin.RunAsync();

        Assert.Equal(("TooFewLabels", "TooFewLabels", "Drift"), (same.Text("drift.status"), fewNew.Text("drift.status"), freshWindow.Text("drift.status")));
        Assert.Equal(2, twin.Mails("drift-detected").Count);
        Assert.Contains("35 of 60 human labels agreed since the last drift alert", twin.Mails("drift-detected")[1].Message, StringComparison.Ordinal);
        Assert.Equal((120, 75), ((await twin.AlertAsync())!.Labels, (await twin.AlertAsync())!.Agreed));
    }

    [Fact]
    public async Task Labels_of_images_picked_because_the_model_was_unsure_do_not_count_toward_drift()
    {
        using var twin = await OperationsTwin.StartAsync();
        await twin.LabeledAsync(200, agreed: 50, reason: OperationsTwin.UncertainReason);

        var run = await twin.RunAsync();

        Assert.Equal("TooFewLabels", run.Text("drift.status"));
        Assert.Empty(twin.Mails("drift-detected"));
        Assert.Null(await twin.AlertAsync());
    }

    [Fact]
    public async Task Counting_every_pick_is_the_operators_choice()
    {
        using var twin = await OperationsTwin.StartAsync();
        await twin.SetAsync(DriftSettings.LabelSourcesParameter, "below-threshold,random");
        await twin.LabeledAsync(200, agreed: 50, reason: OperationsTwin.UncertainReason);

        var run = await twin.RunAsync();

        Assert.Equal("Drift", run.Text("drift.status"));
        Assert.Single(twin.Mails("drift-detected"));
    }

    [Fact]
    public async Task Agreement_within_the_tolerance_raises_nothing_and_the_digest_says_so()
    {
        using var twin = await OperationsTwin.StartAsync(servingF1: 0.9);
        await twin.LabeledAsync(100, agreed: 88);
        await twin.WaitingAsync(1);

        var run = await twin.RunAsync();

        Assert.Equal("WithinTolerance", run.Text("drift.status"));
        var mail = Assert.Single(twin.Outbox.Published());
        Assert.Equal("digest", mail.Kind);
        Assert.Contains("No drift: 88 of 100 human labels agreed since the version started serving, disagreement 12.0%", mail.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_serving_version_the_digest_still_goes_out()
    {
        using var twin = await OperationsTwin.StartAsync(serving: false);
        await twin.WaitingAsync(2, "image-pending");

        var run = await twin.RunAsync();

        Assert.Equal(("NoModelServing", "claimed"), (run.Text("drift.status"), run.Text("digest.status")));
        Assert.Contains("Drift not checked: no model version is serving.", Assert.Single(twin.Outbox.Published()).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Drift_routed_to_the_digest_by_the_operator_waits_there_for_the_next_digest()
    {
        using var twin = await OperationsTwin.StartAsync();
        await twin.SetAsync("Notify-Immediately", "workflow-error");
        await twin.SetAsync("Notify-In-Digest", "drift-detected");
        await twin.LabeledAsync(60, agreed: 40);

        await twin.RunAsync();
        twin.Clock.Advance(TimeSpan.FromHours(1));
        await twin.RunAsync();

        var mail = Assert.Single(twin.Outbox.Published());
        Assert.Equal("digest", mail.Kind);
        Assert.Contains("  1  drift-detected\n", mail.Message, StringComparison.Ordinal);
        Assert.Contains("Drift: the serving model agrees with 66.7% of 60 human labels", mail.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "missing required properties including: 'bucket'")]
    [InlineData(" ", "The operations-digest input needs the deployment's bucket; got \" \".")]
    public async Task An_input_without_a_bucket_fails_with_a_workflow_error_and_touches_nothing(string? bucket, string why)
    {
        using var twin = await OperationsTwin.StartAsync();
        await twin.WaitingAsync(2);

        var run = await twin.RunAsync(bucket);

        Assert.Equal((ExecutionStatus.Failed, "Handler.InvalidInput"), (run.Status, run.Execution.Error));
        var error = Assert.Single(twin.Outbox.Published());
        Assert.Equal("workflow-error", error.Kind);
        Assert.Contains(why, error.Message, StringComparison.Ordinal);
        Assert.Contains("Nothing was done: the settings were not read.", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, twin.Digest.Pending().Count);
    }

    [Fact]
    public async Task A_system_parameter_that_cannot_be_read_fails_the_run_before_anything_is_claimed()
    {
        using var twin = await OperationsTwin.StartAsync();
        await twin.WaitingAsync(1);
        await twin.SetAsync(OperationsTwin.Catalog.SystemParameter.Name, "{broken");

        var run = await twin.RunAsync();

        Assert.Equal((ExecutionStatus.Failed, "Handler.InvalidState"), (run.Status, run.Execution.Error));
        Assert.Equal(["workflow-error"], twin.Outbox.Published().Select(n => n.Kind));
        Assert.Null(await twin.ClaimAsync());
        Assert.Single(twin.Digest.Pending());
    }

    [Fact]
    public async Task A_drift_check_that_keeps_failing_lets_the_digest_out_first_then_fails_the_run_saying_so()
    {
        var fault = new PortFault(typeof(IInferenceLog), nameof(IInferenceLog.ConfusionAsync), FaultMode.Always, PortFailure.Unavailable);
        using var twin = await OperationsTwin.StartAsync(fault: fault);
        await twin.WaitingAsync(2);

        var run = await twin.RunAsync();

        Assert.Equal((ExecutionStatus.Failed, "Port.Unavailable"), (run.Status, run.Execution.Error));
        Assert.Equal(["digest", "workflow-error"], twin.Outbox.Published().Select(n => n.Kind));
        Assert.Contains("Drift was not checked: the drift check failed (see the workflow-error notification).", twin.Outbox.Published()[0].Message, StringComparison.Ordinal);
        var error = twin.Outbox.Published()[1].Message;
        Assert.Contains("The drift check failed with Port.Unavailable: operations-digest-check-drift: IInferenceLog.ConfusionAsync: injected Unavailable failure. The next run checks again.", error, StringComparison.Ordinal);
        Assert.Contains("The digest of 2 notifications was mailed and marked sent.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_digest_mailed_but_never_marked_sent_is_reported_and_mailed_again_by_the_next_run()
    {
        var fault = new PortFault(typeof(INotificationDigest), nameof(INotificationDigest.MarkSentAsync), FaultMode.Always, PortFailure.Throttled);
        using var twin = await OperationsTwin.StartAsync(fault: fault);
        await twin.WaitingAsync(2);

        var run = await twin.RunAsync();
        fault.Heal();
        var tooSoon = await twin.RunAsync();
        twin.Clock.Advance(TimeSpan.FromMinutes(20));
        var next = await twin.RunAsync();

        Assert.Equal((ExecutionStatus.Failed, "Port.Throttled"), (run.Status, run.Execution.Error));
        Assert.Contains("The digest of 2 notifications was mailed but could not be marked sent: the next run mails them again once this run's claim is 15 minutes old (rather twice than never).", twin.Mails("workflow-error").Single().Message, StringComparison.Ordinal);
        Assert.Equal(("busy", "claimed"), (tooSoon.Text("digest.status"), next.Text("digest.status")));
        Assert.Equal(2, twin.Mails("digest").Count);
        Assert.Empty(twin.Digest.Pending());
    }
}
