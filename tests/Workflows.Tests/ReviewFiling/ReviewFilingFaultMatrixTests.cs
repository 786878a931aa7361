using ContinuousImprovement.Asl.Runtime;
using ContinuousImprovement.Core.Ports;
using ContinuousImprovement.Core.Storage;
using ContinuousImprovement.Handlers.ReviewFiling;
using ContinuousImprovement.Workflows.Tests.Twin;
using Xunit.Abstractions;
using static ContinuousImprovement.Workflows.Tests.Twin.FaultMatrix;

namespace ContinuousImprovement.Workflows.Tests.ReviewFiling;

/// <summary>
/// Every port the review-filing workflow touches failing once (first or second call) or always, with every
/// retryable kind, on a labeled output (filed) and a failed loop (review-failed). For every cell: the reviewed
/// image is still at its key, at most one labeled copy exists and nothing lands outside the labeled folder, and
/// the notifications are the path's own after a single failure, a workflow-error naming the failure and the
/// image's place when the port never comes back (unless the failing port is the notifier itself).
/// </summary>
public sealed class ReviewFilingFaultMatrixTests(ITestOutputHelper output)
{
    private static readonly Type[] Ports = [typeof(IObjectStore), typeof(IParameterStore), typeof(IInferenceLog), typeof(INotifier), typeof(INotificationDigest)];

    private static readonly Scenario[] Scenarios =
    [
        new("labeled output", Labeled: true, ReviewFilingStatus.Filed, Mailed: [], Digested: ["review-completed", "image-filed"]),
        new("failed loop", Labeled: false, ReviewFilingStatus.Failed, Mailed: ["review-failed"], Digested: []),
    ];

    [Fact]
    public async Task No_port_failing_once_or_always_loses_the_image_files_it_twice_or_stays_silent()
    {
        var cells = (from scenario in Scenarios from port in Ports from mode in Modes from kind in Kinds select (scenario, new PortFault(port, mode, kind))).ToList();
        output.WriteLine($"fault matrix: {Ports.Length} ports × {Modes.Length} modes × {Kinds.Length} kinds × {Scenarios.Length} scenarios = {cells.Count} cells");

        var violations = new List<string>();
        foreach (var (scenario, plan) in cells)
        {
            var problems = await RunCellAsync(scenario, plan);
            var verdict = problems.Count == 0 ? "ok" : "VIOLATED: " + string.Join("; ", problems);
            output.WriteLine($"{scenario.Name,-15} {plan,-55} calls {plan.Calls,2}, failed {plan.Failures,2}: {verdict}");
            violations.AddRange(problems.Select(p => $"{scenario.Name}, {plan}: {p}"));
        }

        var neverFailed = Ports.Where(port => !cells.Any(c => c.Item2.Port == port && c.Item2.Mode == FaultMode.Always && c.Item2.Failures > 0));
        output.WriteLine($"{cells.Count(c => c.Item2.Failures > 0)} of {cells.Count} cells had a call fail");
        Assert.Equal(120, cells.Count);
        Assert.Empty(neverFailed);
        Assert.Empty(violations);
    }

    private static async Task<List<string>> RunCellAsync(Scenario scenario, PortFault plan)
    {
        using var twin = await ReviewFilingTwin.StartAsync(plan);
        var written = await twin.WriteOutputAsync(ReviewFilingTwin.Output());
        var run = await twin.RunAsync(scenario.Labeled ? ReviewFilingTwin.CreatedEvent(written) : ReviewFilingTwin.StatusEvent("Failed"));

        var problems = new List<string>();
        var original = await twin.Objects.GetAsync(ReviewFilingTwin.Bucket, ReviewFilingTwin.ImageKey, default);
        Expect(problems, original is not null && original.Body.Span.SequenceEqual(DetectionTwin.Png), "the reviewed image is no longer where it was");
        var labeled = await twin.LabeledKeysAsync();
        Expect(problems, labeled.Count <= 1, $"{labeled.Count} labeled copies of one image");
        var stray = (await twin.AllKeysAsync()).Where(k => k != ReviewFilingTwin.ImageKey && k != written.Ref.Key && !k.StartsWith(BucketLayout.LabeledImages, StringComparison.Ordinal)).ToList();
        Expect(problems, stray.Count == 0, $"objects written outside the labeled folder: {string.Join(", ", stray)}");

        var mails = twin.Mailed();
        var digest = twin.Digested();
        if (plan.Mode != FaultMode.Always || plan.Calls == 0)
        {
            Expect(problems, run.Status == ExecutionStatus.Succeeded && run.Text("outcome.status") == scenario.Outcome, $"expected to recover to {scenario.Outcome}, got {run}");
            Expect(problems, mails.SequenceEqual(scenario.Mailed) && digest.SequenceEqual(scenario.Digested), $"expected mails [{string.Join(", ", scenario.Mailed)}] and digest [{string.Join(", ", scenario.Digested)}], got [{string.Join(", ", mails)}] and [{string.Join(", ", digest)}]");
            Expect(problems, plan.Failures <= 1, $"the port failed {plan.Failures} times");
            Expect(problems, labeled.Count == (scenario.Labeled ? 1 : 0), $"{labeled.Count} labeled copies");
            return problems;
        }

        Expect(problems, run.Status == ExecutionStatus.Failed && run.Execution.Error == $"Port.{plan.Kind}", $"expected to fail with Port.{plan.Kind}, got {run}");
        if (plan.Port == typeof(INotifier))
        {
            Expect(problems, mails.Count == 0, $"mails went out through a failing notifier: {string.Join(", ", mails)}");
            return problems;
        }

        var error = twin.Outbox.Published().Where(n => n.Kind == "workflow-error").ToList();
        Expect(problems, error.Count == 1, $"expected one workflow-error mail, got [{string.Join(", ", mails)}]");
        if (error.Count == 1)
        {
            Expect(problems, error[0].Message.Contains($"Port.{plan.Kind}", StringComparison.Ordinal), "the mail does not name the failure");
            Expect(problems, error[0].Message.Contains("the review output stays where it was", StringComparison.Ordinal), "the mail does not say where things are");
        }

        return problems;
    }

    private sealed record Scenario(string Name, bool Labeled, string Outcome, IReadOnlyList<string> Mailed, IReadOnlyList<string> Digested);
}
