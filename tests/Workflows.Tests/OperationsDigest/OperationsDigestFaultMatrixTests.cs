using ContinuousImprovement.Asl.Runtime;
using ContinuousImprovement.Core.Drift;
using ContinuousImprovement.Core.Ports;
using ContinuousImprovement.Workflows.Tests.Twin;
using Xunit.Abstractions;
using static ContinuousImprovement.Workflows.Tests.Twin.FaultMatrix;

namespace ContinuousImprovement.Workflows.Tests.OperationsDigest;

/// <summary>
/// Every port method the operations-digest workflow calls failing once (its first call or its second) or always, with
/// every retryable kind, on a run that finds drift (40 of 60 unbiased labels agree, F1 0.9 promised) and has five
/// notifications waiting. A failure the workflow recovers from must leave exactly what a run without faults leaves: one
/// drift-detected mail, one digest mail with all five, the alert remembered, nothing waiting, no claim. A port that
/// never comes back fails the run with a workflow-error mail naming it (none when the notifier itself is down), and a
/// failed drift check still lets the digest out first. Then the port heals, the clock moves to the next scheduled run an
/// hour later, and that run must finish the job: nothing waiting, no claim, the alert remembered, every notification
/// mailed — twice only where delivery is at least once by design (a digest mailed but never marked sent, a drift alert
/// mailed but never remembered), never lost.
/// </summary>
public sealed class OperationsDigestFaultMatrixTests(ITestOutputHelper output)
{
    private static readonly (Type Port, string Method)[] Methods =
    [
        (typeof(IParameterStore), nameof(IParameterStore.GetByPathAsync)),
        (typeof(IInferenceLog), nameof(IInferenceLog.ConfusionAsync)),
        (typeof(IInferenceLog), nameof(IInferenceLog.DriftAlertAsync)),
        (typeof(IInferenceLog), nameof(IInferenceLog.TryRecordDriftAlertAsync)),
        (typeof(INotificationDigest), nameof(INotificationDigest.CurrentClaimAsync)),
        (typeof(INotificationDigest), nameof(INotificationDigest.TryClaimAsync)),
        (typeof(INotificationDigest), nameof(INotificationDigest.WaitingAsync)),
        (typeof(INotificationDigest), nameof(INotificationDigest.MarkSentAsync)),
        (typeof(INotifier), nameof(INotifier.PublishAsync)),
    ];

    [Fact]
    public async Task No_port_failing_once_or_always_loses_a_notification_stays_silent_or_mails_twice_beyond_at_least_once()
    {
        var cells = (from m in Methods from mode in Modes from kind in Kinds select new PortFault(m.Port, m.Method, mode, kind)).ToList();
        output.WriteLine($"operations-digest fault matrix: {Methods.Length} port methods × {Modes.Length} modes × {Kinds.Length} kinds = {cells.Count} cells, each followed by a healed run an hour later");

        var violations = new List<string>();
        foreach (var fault in cells)
        {
            var problems = await RunCellAsync(fault);
            output.WriteLine($"{fault,-80} calls {fault.Calls,2}, failed {fault.Failures,2}: {(problems.Count == 0 ? "ok" : "VIOLATED: " + string.Join("; ", problems))}");
            violations.AddRange(problems.Select(p => $"{fault}: {p}"));
        }

        // Each method must really fail somewhere, or its row of the matrix proves nothing.
        var neverFailed = Methods.Where(m => !cells.Any(c => c.Port == m.Port && c.Method == m.Method && c.Failures > 0)).Select(m => m.Method);
        Assert.Equal(108, cells.Count);
        Assert.Empty(neverFailed);
        Assert.Empty(violations);
    }

    private static async Task<List<string>> RunCellAsync(PortFault fault)
    {
        using var twin = await OperationsTwin.StartAsync(servingF1: 0.9, fault: fault);
        await twin.LabeledAsync(60, agreed: 40);
        await twin.WaitingAsync(5);

        var run = await twin.RunAsync();

        var problems = new List<string>();
        var kinds = twin.Outbox.Published().Select(n => n.Kind).ToList();
        var recovers = fault.Mode != FaultMode.Always || fault.Calls == 0;
        if (recovers)
        {
            Expect(problems, run.Status == ExecutionStatus.Succeeded, $"expected to recover, got {run}");
            Expect(problems, kinds.SequenceEqual(["drift-detected", "digest"]), $"expected a drift mail and a digest, got [{string.Join(", ", kinds)}]");
            Expect(problems, twin.Digest.Pending().Count == 0, $"{twin.Digest.Pending().Count} notifications still wait");
            Expect(problems, await twin.ClaimAsync() is null, "a claim is left");
            Expect(problems, await twin.AlertAsync() is { Labels: 60, Agreed: 40 }, $"the alert is {await twin.AlertAsync()}");
            Expect(problems, fault.Failures <= 1, $"the port failed {fault.Failures} times");
        }
        else
        {
            Expect(problems, run.Status == ExecutionStatus.Failed && run.Execution.Error == $"Port.{fault.Kind}", $"expected to fail with Port.{fault.Kind}, got {run}");
            var errors = twin.Outbox.Published().Where(n => n.Kind == "workflow-error").ToList();
            if (fault.Port == typeof(INotifier))
            {
                Expect(problems, kinds.Count == 0, $"mails went out through a failing notifier: {string.Join(", ", kinds)}");
            }
            else
            {
                Expect(problems, errors.Count == 1 && errors[0].Message.Contains($"Port.{fault.Kind}", StringComparison.Ordinal), $"expected one workflow-error naming Port.{fault.Kind}, got [{string.Join(", ", kinds)}]");
            }

            // A drift check that fails does not hold the digest back.
            if (fault.Port == typeof(IInferenceLog))
            {
                Expect(problems, kinds.Contains("digest") && twin.Digest.Pending().Count == 0, $"the digest did not go out before the drift failure was reported: [{string.Join(", ", kinds)}]");
                Expect(problems, errors.Count == 1 && errors[0].Message.Contains("The drift check failed", StringComparison.Ordinal), "the workflow-error does not say the drift check failed");
            }
        }

        fault.Heal();
        twin.Clock.Advance(TimeSpan.FromHours(1));
        var next = await twin.RunAsync();

        var all = twin.Outbox.Published().Select(n => n.Kind).ToList();
        var digests = twin.Outbox.Published().Where(n => n.Kind == "digest").ToList();
        var atLeastOnceDigest = fault.Method == nameof(INotificationDigest.MarkSentAsync) && fault.Mode == FaultMode.Always;
        var atLeastOnceDrift = fault.Method == nameof(IInferenceLog.TryRecordDriftAlertAsync) && fault.Mode == FaultMode.Always;
        Expect(problems, next.Status == ExecutionStatus.Succeeded, $"the healed run did not succeed: {next}");
        Expect(problems, twin.Digest.Pending().Count == 0 && await twin.ClaimAsync() is null, "after the healed run notifications still wait or a claim is left");
        Expect(problems, await twin.AlertAsync() is { Labels: 60, Agreed: 40 }, $"after the healed run the alert is {await twin.AlertAsync()}");
        Expect(problems, digests.Count == (atLeastOnceDigest ? 2 : 1), $"{digests.Count} digest mails");
        Expect(problems, digests.All(d => d.Message.Contains("  5  detection-completed\n", StringComparison.Ordinal)), "a digest does not hold all five notifications");
        Expect(problems, all.Count(k => k == "drift-detected") == (atLeastOnceDrift ? 2 : 1), $"{all.Count(k => k == "drift-detected")} drift mails");
        return problems;
    }
}
