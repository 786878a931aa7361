using System.Globalization;
using System.Text.Json;

namespace ContinuousImprovement.Benchmarks.Throughput;

/// <summary>
/// <c>throughput</c>: detection workflow executions per second on the twin (the real ASL file on our engine, the
/// handlers over the local adapters: folder bucket, SQLite inference log, local human review), from 1k to 100k
/// images, each size in a fresh process so its peak memory is its own.
/// </summary>
internal static class ThroughputBenchmark
{
    private const double TargetPerSecond = 1000;
    private const double TargetMiBPer100k = 200;

    public static async Task<int> RunAsync(bool quick)
    {
        var sizes = quick ? new[] { 1000, 5000 } : [1000, 10_000, 100_000];
        Console.WriteLine($"Detection workflow on the twin, {Environment.ProcessorCount} dispatchers, images stored beforehand, their S3 events published at once ({(quick ? "quick" : "full")} run)");
        Console.WriteLine("each execution: read the upload, detect, log the inference (SQLite), decide with the operator's sampling settings; no execution history kept");
        Console.WriteLine("mode lookup: the model answers from a table (the workflow's own cost); mode model: the twin's ML.NET classifier decodes and scores each image, and its real answers send some images to human loops");
        Console.WriteLine();
        Console.WriteLine($"{"mode",-8} {"executions",11} {"succeeded",10} {"logged",8} {"loops",7} {"exec/s",9} {"µs/exec",9} {"CPU µs/exec",12} {"peak MiB",9} {"kept MiB",9}");
        ThroughputResult? last = null;
        foreach (var mode in new[] { "lookup", "model" })
        {
            foreach (var size in sizes)
            {
                var output = await ChildProcess.RunSelfAsync([ThroughputWorker.Command, mode, size.ToString(CultureInfo.InvariantCulture)]);
                var run = JsonSerializer.Deserialize(output, BenchmarkJson.Default.ThroughputResult)!;
                Console.WriteLine($"{run.Mode,-8} {run.Executions,11:N0} {run.Succeeded,10:N0} {run.Logged,8:N0} {run.HumanLoops,7:N0} {run.PerSecond,9:N0} {run.MicrosecondsPerExecution,9:F0} {run.CpuSeconds * 1e6 / run.Executions,12:F0} {run.PeakRssMiB,9:F0} {run.RetainedMiB,9:F1}");
                if (run.Succeeded != run.Executions || run.Logged != run.Executions)
                {
                    Console.Error.WriteLine($"{mode} {size}: {run.Succeeded} of {run.Executions} executions succeeded and {run.Logged} inferences were logged; every one should be.");
                    return 1;
                }

                last = run;
            }
        }

        Console.WriteLine();
        Console.WriteLine("peak MiB: the process's resident high-water mark (runtime, ML.NET, garbage included); kept MiB: managed memory still held after the run, once collected");
        Console.WriteLine($"target: ≥ {TargetPerSecond:N0} executions/s with a flat per-image cost, and ≤ {TargetMiBPer100k:N0} MiB per 100k logged inferences");
        Console.WriteLine($"detection executions/s: {last!.PerSecond.ToString("F0", CultureInfo.InvariantCulture)}");
        return 0;
    }

    /// <summary>The worker process side: one mode and size, figures printed as JSON.</summary>
    public static async Task<int> WorkerAsync(string mode, int executions)
    {
        var result = await ThroughputWorker.RunAsync(mode, executions);
        Console.WriteLine(JsonSerializer.Serialize(result, BenchmarkJson.Default.ThroughputResult));
        return 0;
    }
}
