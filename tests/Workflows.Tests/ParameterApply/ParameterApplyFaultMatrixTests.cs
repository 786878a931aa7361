using ContinuousImprovement.Asl.Runtime;
using ContinuousImprovement.Core.Parameters;
using ContinuousImprovement.Core.Ports;
using ContinuousImprovement.Workflows.Tests.Twin;
using Xunit.Abstractions;
using static ContinuousImprovement.Workflows.Tests.Twin.FaultMatrix;

namespace ContinuousImprovement.Workflows.Tests.ParameterApply;

/// <summary>
/// Every port the parameter-apply workflow touches failing once (first or second call) or always, with every
/// retryable kind, on a good schedule change (applied) and a bad value (restored). For every cell: after a
/// single failure the workflow recovers to the same end as without one; when a port never comes back the
/// execution fails with that error and a workflow-error mail says so (unless the notifier is what fails), and a
/// bad value is never left as if it were in force without someone being told.
/// </summary>
public sealed class ParameterApplyFaultMatrixTests(ITestOutputHelper output)
{
    private static readonly Type[] Ports = [typeof(IParameterStore), typeof(ILeases), typeof(ISchedules), typeof(INotifier), typeof(INotificationDigest)];

    private static readonly Scenario[] Scenarios =
    [
        new("schedule change", "Automatic-Training-Poll-Frequency", "15", "15", "applied", "parameter-applied"),
        new("bad value", "Automatic-Training-Poll-Frequency", "2", "60", "restored", "parameter-rejected"),
    ];

    [Fact]
    public async Task No_port_failing_once_or_always_leaves_a_bad_value_unreported_or_applies_twice()
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

        // The digest is on no default route of this workflow: its row proves that a port it never calls cannot break it.
        var neverFailed = Ports.Where(port => port != typeof(INotificationDigest) && !cells.Any(c => c.Item2.Port == port && c.Item2.Mode == FaultMode.Always && c.Item2.Failures > 0));
        output.WriteLine($"{cells.Count(c => c.Item2.Failures > 0)} of {cells.Count} cells had a call fail");
        Assert.Equal(120, cells.Count);
        Assert.Empty(neverFailed);
        Assert.Empty(violations);
    }

    private static async Task<List<string>> RunCellAsync(Scenario scenario, PortFault plan)
    {
        using var twin = await ParameterApplyTwin.StartAsync(plan);
        await twin.SetAsync(scenario.Parameter, scenario.Value);
        var run = await twin.RunAsync(ParameterApplyTwin.ChangeOf(scenario.Parameter));

        var problems = new List<string>();
        var mails = twin.Outbox.Published().Select(n => n.Kind).ToList();
        var stored = await twin.GetAsync(scenario.Parameter);
        if (plan.Mode != FaultMode.Always || plan.Calls == 0)
        {
            Expect(problems, run.Status == ExecutionStatus.Succeeded && run.Text("outcome.status") == scenario.Outcome, $"expected to recover to {scenario.Outcome}, got {run}");
            Expect(problems, mails.SequenceEqual([scenario.Notification]), $"expected one {scenario.Notification}, got [{string.Join(", ", mails)}]");
            Expect(problems, stored == scenario.InForce, $"the parameter holds '{stored}', not '{scenario.InForce}'");
            Expect(problems, plan.Failures <= 1, $"the port failed {plan.Failures} times");
            if (scenario.Outcome == "applied")
            {
                var schedule = await twin.Schedules.GetAsync("training", default);
                Expect(problems, schedule == new ScheduleSetting("training", true, TimeSpan.FromMinutes(15)), $"the training schedule is {schedule}");
                Expect(problems, (await twin.StateAsync())?.LastGoodParameters.GetValueOrDefault(scenario.Parameter) == "15", "the last good value was not remembered");
            }

            return problems;
        }

        Expect(problems, run.Status == ExecutionStatus.Failed && run.Execution.Error == $"Port.{plan.Kind}", $"expected to fail with Port.{plan.Kind}, got {run}");
        if (plan.Port == typeof(INotifier))
        {
            Expect(problems, mails.Count == 0, $"mails went out through a failing notifier: {string.Join(", ", mails)}");
            return problems;
        }

        Expect(problems, mails.Count(k => k == "workflow-error") == 1, $"expected one workflow-error mail, got [{string.Join(", ", mails)}]");
        var error = twin.Outbox.Published().FirstOrDefault(n => n.Kind == "workflow-error");
        Expect(problems, error?.Message.Contains($"Port.{plan.Kind}", StringComparison.Ordinal) == true, "the mail does not name the failure");
        Expect(problems, error?.Subject.Contains(scenario.Parameter, StringComparison.Ordinal) == true, "the mail does not name the parameter");
        return problems;
    }

    private sealed record Scenario(string Name, string Parameter, string Value, string InForce, string Outcome, string Notification);
}
