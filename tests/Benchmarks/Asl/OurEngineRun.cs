using System.Diagnostics;
using ContinuousImprovement.Asl.Json;
using ContinuousImprovement.Asl.Runtime;
using ContinuousImprovement.Asl.Tasks;

namespace ContinuousImprovement.Benchmarks.Asl;

/// <summary>Runs one scenario on our engine, sequentially, on virtual time (as the reference runs with waits overridden to 0).</summary>
internal static class OurEngineRun
{
    /// <summary>
    /// Our engine keeps every execution's full history (the reference keeps none) and the last few finished
    /// executions listable; more retained executions only test the garbage collector, not the interpreter.
    /// </summary>
    public const int RetainedExecutions = 10;

    public static async Task<AslRunResult> RunAsync(AslScenario scenario, int executions)
    {
        var failures = 0;
        var ok = JsonValue.Parse("""{"ok":true}""");
        var registry = new TaskRegistry().AddFunction(AslScenarios.Fn, DelegateTaskHandler.Sync(_ =>
        {
            // Fail the first N calls of each execution, as the reference's handler does: returned as a value,
            // as a Lambda error response arrives, or thrown where the scenario says so.
            if (scenario.FailuresBeforeSuccess > 0 && failures++ % (scenario.FailuresBeforeSuccess + 1) < scenario.FailuresBeforeSuccess)
            {
                return scenario.HandlerThrows ? throw new TaskFailedException("Transient", "try again") : TaskResult.Failure("Transient", "try again");
            }

            return ok;
        }));
        var engine = new AslEngine(new AslEngineOptions { Clock = new VirtualClock(), KeepHistory = true, RetainFinishedExecutions = RetainedExecutions });
        var machine = StateMachine.Load(scenario.Definition, scenario.Name, registry);
        var input = JsonValue.Parse(scenario.Input);

        // Warm up so the figures show steady state, not the JIT.
        for (var i = 0; i < Math.Min(200, executions); i++)
        {
            await engine.RunAsync(machine, input);
        }

        GC.Collect();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < executions; i++)
        {
            var execution = await engine.RunAsync(machine, input);
            if (execution.Status != ExecutionStatus.Succeeded)
            {
                throw new InvalidOperationException($"{scenario.Name} execution failed: {execution.Error} {execution.Cause}");
            }
        }

        watch.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        using var process = Process.GetCurrentProcess();
        return new AslRunResult("ours", scenario.Name, executions, executions * (long)scenario.StatesPerExecution, watch.Elapsed.TotalSeconds, process.PeakWorkingSet64 / (1024.0 * 1024.0))
        {
            AllocatedBytesPerExecution = allocated / (double)executions,
        };
    }
}

/// <summary>One engine's figures for one scenario.</summary>
internal sealed record AslRunResult(string Engine, string Scenario, int Executions, long Transitions, double Seconds, double PeakRssMiB)
{
    /// <summary>Managed bytes allocated per execution (ours only; the reference does not report it).</summary>
    public double? AllocatedBytesPerExecution { get; init; }

    public double TransitionsPerSecond => Transitions / Seconds;
}
