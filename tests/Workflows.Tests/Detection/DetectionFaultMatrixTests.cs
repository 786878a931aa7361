using ContinuousImprovement.Asl.Runtime;
using ContinuousImprovement.Core.Ports;
using ContinuousImprovement.Core.Storage;
using ContinuousImprovement.Handlers.Detection;
using ContinuousImprovement.Workflows.Tests.Twin;
using Xunit.Abstractions;
using static ContinuousImprovement.Workflows.Tests.Twin.FaultMatrix;

namespace ContinuousImprovement.Workflows.Tests.Detection;

/// <summary>
/// Every port of the detection workflow failing once (its first call or its second) or always, with every
/// retryable kind, on the two paths that touch the most ports (an uncertain image sent to review; a corrupt image
/// quarantined). For every cell: the upload is still where it was, at most one human loop exists and no daily
/// slot is taken without one, and the notification is the right one — the path's own after a single failure
/// (the workflow retried and recovered), a workflow-error naming the failure and the image's place when the
/// port never comes back (unless the failing port is the notifier itself).
/// </summary>
public sealed class DetectionFaultMatrixTests(ITestOutputHelper output)
{
    private static readonly Type[] Ports =
    [
        typeof(IObjectStore), typeof(IParameterStore), typeof(IModelRuntime), typeof(IInferenceLog),
        typeof(IHumanReview), typeof(INotifier), typeof(INotificationDigest),
    ];

    private static readonly Scenario[] Scenarios =
    [
        new("uncertain image", "images_for_detection/unsure cat.png", DetectionTwin.Png, DetectionStatus.ReviewStarted, "review-started", Mailed: false),
        new("corrupt image", "images_for_detection/broken.jpg", "not an image"u8.ToArray(), DetectionStatus.Quarantined, "image-quarantined", Mailed: true),
    ];

    [Fact]
    public async Task No_port_failing_once_or_always_loses_an_image_starts_a_second_loop_or_stays_silent()
    {
        var cells = (from scenario in Scenarios from port in Ports from mode in Modes from kind in Kinds select (scenario, new PortFault(port, mode, kind))).ToList();
        output.WriteLine($"fault matrix: {Ports.Length} ports × {Modes.Length} modes × {Kinds.Length} kinds × {Scenarios.Length} scenarios = {cells.Count} cells");

        var violations = new List<string>();
        foreach (var (scenario, plan) in cells)
        {
            var problems = await RunCellAsync(scenario, plan);
            var verdict = problems.Count == 0 ? "ok" : "VIOLATED: " + string.Join("; ", problems);
            output.WriteLine($"{scenario.Name,-16} {plan,-55} calls {plan.Calls,2}, failed {plan.Failures,2}: {verdict}");
            violations.AddRange(problems.Select(p => $"{scenario.Name}, {plan}: {p}"));
        }

        // Each port must really fail somewhere, or its row of the matrix proves nothing.
        var neverFailed = Ports.Where(port => !cells.Any(c => c.Item2.Port == port && c.Item2.Mode == FaultMode.Always && c.Item2.Failures > 0));
        var touched = cells.Count(c => c.Item2.Failures > 0);
        output.WriteLine($"{touched} of {cells.Count} cells had a call fail (the rest: the path never calls that port, or not twice)");
        Assert.Equal(168, cells.Count);
        Assert.Empty(neverFailed);
        Assert.Empty(violations);
    }

    private static async Task<List<string>> RunCellAsync(Scenario scenario, PortFault plan)
    {
        using var twin = await DetectionTwin.StartAsync(plan);
        await twin.ServeAsync(otherwise: DetectionTwin.Uncertain);
        var upload = await twin.UploadAsync(scenario.Key, scenario.Body);

        var run = await twin.DetectAsync(upload);

        var problems = new List<string>();
        var original = await twin.Objects.GetAsync(DetectionTwin.Bucket, scenario.Key, default);
        if (original is null || !original.Body.Span.SequenceEqual(scenario.Body))
        {
            problems.Add("the upload is no longer where it was");
        }

        if (twin.Reviews.OpenLoops().Count > 1)
        {
            problems.Add($"{twin.Reviews.OpenLoops().Count} human loops for one upload");
        }

        var mails = twin.Outbox.Published().Select(n => n.Kind).ToList();
        var digest = twin.Digest.Pending().Select(n => n.Kind).ToList();
        var loops = twin.Reviews.OpenLoops().Count;
        var slots = await twin.Inferences.HumanLoopsOnAsync(twin.Today, default);
        Expect(problems, slots == loops, $"{slots} daily slots taken for {loops} human loops");
        var recovers = plan.Mode != FaultMode.Always || plan.Calls == 0;
        if (recovers)
        {
            Expect(problems, run.Status == ExecutionStatus.Succeeded && run.OutcomeStatus == scenario.Outcome, $"expected to recover to {scenario.Outcome}, got {run}");
            Expect(problems, (scenario.Mailed ? mails : digest).SequenceEqual([scenario.Notification]), $"expected one {scenario.Notification}, got mails [{string.Join(", ", mails)}], digest [{string.Join(", ", digest)}]");
            Expect(problems, plan.Failures <= 1, $"the port failed {plan.Failures} times");
            if (scenario.Outcome == DetectionStatus.ReviewStarted)
            {
                Expect(problems, twin.Reviews.OpenLoops().Count == 1, "no human loop was started");
            }

            if (scenario.Outcome == DetectionStatus.Quarantined)
            {
                Expect(problems, await twin.Objects.HeadAsync(DetectionTwin.Bucket, BucketLayout.Quarantine + scenario.Key, default) is not null, "no quarantine copy");
            }

            return problems;
        }

        Expect(problems, run.Status == ExecutionStatus.Failed && run.Execution.Error == $"Port.{plan.Kind}", $"expected to fail with Port.{plan.Kind}, got {run}");
        if (plan.Port == typeof(INotifier))
        {
            // With the notifier down nothing can be mailed; the failed execution is what monitoring sees.
            Expect(problems, mails.Count == 0, $"mails went out through a failing notifier: {string.Join(", ", mails)}");
            return problems;
        }

        var error = twin.Outbox.Published().Where(n => n.Kind == "workflow-error").ToList();
        Expect(problems, error.Count == 1, $"expected one workflow-error mail, got [{string.Join(", ", mails)}]");
        if (error.Count == 1)
        {
            Expect(problems, error[0].Message.Contains($"Port.{plan.Kind}", StringComparison.Ordinal), "the mail does not name the failure");
            Expect(problems, error[0].Message.Contains($"\"{upload.Ref.Uri}\": nothing was moved or deleted", StringComparison.Ordinal), "the mail does not say where the image is");
        }

        return problems;
    }

    private sealed record Scenario(string Name, string Key, byte[] Body, string Outcome, string Notification, bool Mailed);
}
