using ContinuousImprovement.Asl.Runtime;
using ContinuousImprovement.Core.Audit;
using ContinuousImprovement.Core.Ports;
using ContinuousImprovement.Workflows.Tests.Twin;
using Xunit.Abstractions;
using static ContinuousImprovement.Workflows.Tests.Twin.FaultMatrix;

namespace ContinuousImprovement.Workflows.Tests.AuditSampling;

/// <summary>
/// Every port method the audit-sampling workflow calls failing once (its first call or its second) or always, with
/// every retryable kind, on a run with two picks (every 3rd of 7 confident detections, one uncertain one between).
/// For every cell: no image gets two loops and no loop is for an image that was not due; no daily slot is taken
/// without its loop (a start that failed for good gives its reservation back); the
/// notification is the right one — audit-completed after a failure the workflow recovers from (mailed at once in the
/// notifier's row, so that its calls are made), a workflow-error naming the failure when the port never comes back
/// (none when the notifier itself is down: the failed execution is what monitoring sees). Then the port heals and the
/// next scheduled run must end exactly where a run without faults ends: both loops, each once, both recorded as
/// audited, the cursor after the last detection.
/// </summary>
public sealed class AuditSamplingFaultMatrixTests(ITestOutputHelper output)
{
    private static readonly (Type Port, string Method)[] Methods =
    [
        (typeof(IParameterStore), nameof(IParameterStore.GetByPathAsync)),
        (typeof(IInferenceLog), nameof(IInferenceLog.AuditCursorAsync)),
        (typeof(IInferenceLog), nameof(IInferenceLog.HumanLoopsOnAsync)),
        (typeof(IInferenceLog), nameof(IInferenceLog.ConfidentDetectionsAsync)),
        (typeof(IInferenceLog), nameof(IInferenceLog.TryReserveHumanLoopAsync)),
        (typeof(IInferenceLog), nameof(IInferenceLog.RecordAuditAsync)),
        (typeof(IInferenceLog), nameof(IInferenceLog.TryMoveAuditCursorAsync)),
        (typeof(IObjectStore), nameof(IObjectStore.HeadAsync)),
        (typeof(IObjectStore), nameof(IObjectStore.ListAsync)),
        (typeof(IHumanReview), nameof(IHumanReview.StatusAsync)),
        (typeof(IHumanReview), nameof(IHumanReview.StartAsync)),
        (typeof(INotificationDigest), nameof(INotificationDigest.AddAsync)),
        (typeof(INotifier), nameof(INotifier.PublishAsync)),
    ];

    private static readonly string[] Due = ["images_for_detection/cat-3.png", "images_for_detection/cat-6.png"];

    private static readonly AuditCursor End = new(8, 1);

    [Fact]
    public async Task No_port_failing_once_or_always_starts_a_second_loop_stays_silent_or_makes_the_next_run_skip_or_repeat_a_pick()
    {
        var cells = (from m in Methods from mode in Modes from kind in Kinds select new PortFault(m.Port, m.Method, mode, kind)).ToList();
        output.WriteLine($"audit fault matrix: {Methods.Length} port methods × {Modes.Length} modes × {Kinds.Length} kinds = {cells.Count} cells, each followed by a healed run");

        var violations = new List<string>();
        foreach (var fault in cells)
        {
            var problems = await RunCellAsync(fault);
            output.WriteLine($"{fault,-75} calls {fault.Calls,2}, failed {fault.Failures,2}: {(problems.Count == 0 ? "ok" : "VIOLATED: " + string.Join("; ", problems))}");
            violations.AddRange(problems.Select(p => $"{fault}: {p}"));
        }

        // Each method must really fail somewhere, or its row of the matrix proves nothing.
        var neverFailed = Methods.Where(m => !cells.Any(c => c.Port == m.Port && c.Method == m.Method && c.Failures > 0)).Select(m => m.Method);
        Assert.Equal(156, cells.Count);
        Assert.Empty(neverFailed);
        Assert.Empty(violations);
    }

    private static async Task SeedAsync(AuditTwin twin)
    {
        await twin.ConfidentAsync(2);
        await twin.DetectedAsync("unsure.png", confidence: 41.7, sentBy: "below-threshold: top confidence 41.7 < 70 (cat)");
        for (var i = 3; i <= 7; i++)
        {
            await twin.DetectedAsync($"cat-{i}.png");
        }
    }

    private static async Task<List<string>> RunCellAsync(PortFault fault)
    {
        using var twin = await AuditTwin.StartAsync(interval: 3, fault);
        await SeedAsync(twin);

        // The notifier's row mails audit-completed at once, or nothing on the normal path would reach it.
        var mailed = fault.Port == typeof(INotifier);
        if (mailed)
        {
            await twin.SetAsync("Notify-Immediately", AuditTwin.Catalog["Notify-Immediately"].Default + ",audit-completed");
        }

        var run = await twin.RunAsync();

        var problems = new List<string>();
        var mails = twin.Outbox.Published().Select(n => n.Kind).ToList();
        var digest = twin.Digest.Pending().Select(n => n.Kind).ToList();
        CheckLoops(problems, twin, await twin.SlotsTodayAsync(), "after the faulty run");
        var recovers = fault.Mode != FaultMode.Always || fault.Calls == 0;
        if (recovers)
        {
            Expect(problems, run.Status == ExecutionStatus.Succeeded, $"expected to recover, got {run}");
            Expect(problems, twin.LoopKeys().SequenceEqual(Due), $"loops for [{string.Join(", ", twin.LoopKeys())}]");
            Expect(problems, (mailed ? mails : digest).SequenceEqual(["audit-completed"]) && (mailed ? digest : mails).Count == 0, $"expected one audit-completed {(mailed ? "mail" : "in the digest")}, got mails [{string.Join(", ", mails)}], digest [{string.Join(", ", digest)}]");
            Expect(problems, await twin.SlotsTodayAsync() == 2, $"{await twin.SlotsTodayAsync()} slots for 2 loops");
            Expect(problems, fault.Failures <= 1, $"the port failed {fault.Failures} times");
        }
        else
        {
            Expect(problems, run.Status == ExecutionStatus.Failed && run.Execution.Error == $"Port.{fault.Kind}", $"expected to fail with Port.{fault.Kind}, got {run}");
            if (fault.Port == typeof(INotifier))
            {
                Expect(problems, mails.Count == 0, $"mails went out through a failing notifier: {string.Join(", ", mails)}");
            }
            else
            {
                var errors = twin.Outbox.Published().Where(n => n.Kind == "workflow-error").ToList();
                Expect(problems, errors.Count == 1 && mails.Count == 1, $"expected one workflow-error mail, got [{string.Join(", ", mails)}]");
                Expect(problems, errors.Count == 1 && errors[0].Message.Contains($"Port.{fault.Kind}", StringComparison.Ordinal), "the mail does not name the failure");
                Expect(problems, errors.Count == 1 && errors[0].Message.Contains("The audit cursor", StringComparison.Ordinal), "the mail does not say where the cursor stays");
            }
        }

        fault.Heal();
        var next = await twin.RunAsync();
        var records = await twin.RecordsAsync();
        Expect(problems, next.Status == ExecutionStatus.Succeeded, $"the healed run did not succeed: {next}");
        Expect(problems, twin.LoopKeys().SequenceEqual(Due), $"after the healed run, loops for [{string.Join(", ", twin.LoopKeys())}]");
        CheckLoops(problems, twin, await twin.SlotsTodayAsync(), "after the healed run");
        Expect(problems, await twin.CursorAsync() == End, $"the cursor ends at {await twin.CursorAsync()}, not {End}");
        Expect(problems, records[4].SentToHuman && records[7].SentToHuman && records.Count(r => r.Value.SentToHuman) == 3, "the picks are not (only) recorded as sent");
        Expect(problems, twin.Loops.All(l => records.Values.Any(r => r.HumanLoopName == l.HumanLoopName)), "a loop is not recorded with its detection");
        return problems;
    }

    // Loops only for due images, one each, and a slot for each loop only: a start that failed gave its slot back.
    private static void CheckLoops(List<string> problems, AuditTwin twin, int slots, string when)
    {
        var keys = twin.Loops.Select(l => l.Key).ToList();
        Expect(problems, keys.Distinct().Count() == keys.Count, $"{when}: an image has two loops");
        Expect(problems, keys.All(Due.Contains), $"{when}: a loop for an image not due: {string.Join(", ", keys)}");
        Expect(problems, slots == keys.Count, $"{when}: {slots} slots for {keys.Count} loops");
    }
}
