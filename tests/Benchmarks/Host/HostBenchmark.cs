using System.Diagnostics;
using System.Globalization;

namespace ContinuousImprovement.Benchmarks.Host;

/// <summary>
/// <c>host</c>: the Lambda host (<c>bootstrap</c>) as Native AOT and the same code under the JIT
/// (<c>dotnet bootstrap.dll</c>, tiered compilation on, as it would be deployed), against a loopback
/// Runtime API: process start → first invocation answered (the cold start Lambda bills), steady-state
/// invocations per second, peak RSS, binary size.
/// </summary>
internal static class HostBenchmark
{
    private static readonly byte[] Event = """{"source":"aws.s3","detail-type":"Object Created","detail":{"bucket":{"name":"uploads"},"object":{"key":"cats/1.jpg","size":52344}}}"""u8.ToArray();

    public static async Task<int> RunAsync(bool quick)
    {
        var starts = quick ? 5 : 25;
        var warmUp = quick ? 500 : 3000;
        var measured = quick ? 2000 : 20_000;
        var aot = await HostBuilds.AotAsync();
        var jit = await HostBuilds.JitAsync();
        Console.WriteLine($"Lambda host (bootstrap), Native AOT vs the same code under the JIT, against a loopback Runtime API ({(quick ? "quick" : "full")} run)");
        Console.WriteLine($"aot: {aot.Describe}");
        Console.WriteLine($"jit: {jit.Describe}");
        Console.WriteLine($"handler: echo ({Event.Length}-byte event); first answer = Process.Start until the host's POST .../response arrives, one event queued in advance; {starts} starts each after one unmeasured, alternating");
        Console.WriteLine();

        // One unmeasured start each: the first one after a build reads the files from disk, later ones from the cache.
        await FirstAnswerMsAsync(aot);
        await FirstAnswerMsAsync(jit);
        var aotStarts = new List<double>();
        var jitStarts = new List<double>();
        for (var i = 0; i < starts; i++)
        {
            aotStarts.Add(await FirstAnswerMsAsync(aot));
            jitStarts.Add(await FirstAnswerMsAsync(jit));
        }

        var aotSteady = await SteadyStateAsync(aot, warmUp, measured);
        var jitSteady = await SteadyStateAsync(jit, warmUp, measured);

        var aotMedian = Median(aotStarts);
        var jitMedian = Median(jitStarts);
        var ratio = jitMedian / aotMedian;
        Console.WriteLine($"{"measure",-52} {"aot",12} {"jit",12} {"aot better by",14}");
        Row($"first answer, median of {starts} starts (ms)", aotMedian, jitMedian, "F1", higherIsBetter: false);
        Row("first answer, fastest start (ms)", aotStarts.Min(), jitStarts.Min(), "F1", higherIsBetter: false);
        Row("first answer, slowest start (ms)", aotStarts.Max(), jitStarts.Max(), "F1", higherIsBetter: false);
        Row($"steady state, {measured:N0} invocations after {warmUp:N0} (inv/s)", aotSteady.PerSecond, jitSteady.PerSecond, "N0", higherIsBetter: true);
        Row("peak RSS, VmHWM after the steady-state run (MiB)", aotSteady.PeakRssMiB, jitSteady.PeakRssMiB, "F1", higherIsBetter: false);
        Console.WriteLine($"{"size on disk (MiB)",-52} {aot.SizeMiB,12:F1} {jit.SizeMiB,12:F2}  jit: bootstrap.dll only; it needs the {SharedRuntimeMiB():F0} MiB shared runtime");
        Console.WriteLine();

        var met = ratio >= 10 && aotMedian <= 20 && aot.SizeMiB <= 30;
        Console.WriteLine($"target: AOT first answer ≥ 10x faster than JIT and ≤ 20 ms, binary ≤ 30 MB: {(met ? "met" : "NOT met")}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"host first answer: aot {aotMedian:F1} ms, jit {jitMedian:F1} ms, {ratio:F1}x"));
        return 0;
    }

    /// <summary>One measure side by side; the last column is how many times better AOT is (below 1: worse).</summary>
    private static void Row(string measure, double aot, double jit, string format, bool higherIsBetter)
    {
        var advantage = higherIsBetter ? aot / jit : jit / aot;
        Console.WriteLine($"{measure,-52} {aot.ToString(format, CultureInfo.InvariantCulture),12} {jit.ToString(format, CultureInfo.InvariantCulture),12} {advantage.ToString("F1", CultureInfo.InvariantCulture),13}x");
    }

    /// <summary>
    /// One cold start: a fresh Runtime API with one event already queued, then the clock runs from
    /// Process.Start until the response is posted. The process is killed afterwards (it is ours, by id).
    /// </summary>
    private static async Task<double> FirstAnswerMsAsync(Bootstrap bootstrap)
    {
        using var api = new LoopbackRuntimeApi();
        var answered = api.Enqueue(Event);
        var clock = Stopwatch.StartNew();
        using var process = bootstrap.Start(api.Address);
        var succeeded = await answered.WaitAsync(TimeSpan.FromSeconds(30));
        var elapsed = clock.Elapsed.TotalMilliseconds;
        await StopAsync(process);
        return succeeded ? elapsed : throw new InvalidOperationException($"{bootstrap.Name}: the first invocation was answered with an error.");
    }

    private static async Task<SteadyState> SteadyStateAsync(Bootstrap bootstrap, int warmUp, int measured)
    {
        using var api = new LoopbackRuntimeApi();
        using var process = bootstrap.Start(api.Address);
        await RunBatchAsync(api, warmUp);
        var clock = Stopwatch.StartNew();
        await RunBatchAsync(api, measured);
        var perSecond = measured / clock.Elapsed.TotalSeconds;
        var peak = PeakRssMiB(process.Id);
        await StopAsync(process);
        return new SteadyState(perSecond, peak);
    }

    /// <summary>All events queued at once: the host serves them one by one, as Lambda does, never waiting on us.</summary>
    private static async Task RunBatchAsync(LoopbackRuntimeApi api, int count)
    {
        var answers = new Task<bool>[count];
        for (var i = 0; i < count; i++)
        {
            answers[i] = api.Enqueue(Event);
        }

        var results = await Task.WhenAll(answers).WaitAsync(TimeSpan.FromMinutes(5));
        if (results.Any(ok => !ok))
        {
            throw new InvalidOperationException("An echo invocation was answered with an error.");
        }
    }

    private static async Task StopAsync(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill();
        }

        await process.WaitForExitAsync();
    }

    private static double PeakRssMiB(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                var kib = long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture);
                return kib / 1024.0;
            }
        }

        throw new InvalidOperationException($"/proc/{pid}/status has no VmHWM line.");
    }

    private static double SharedRuntimeMiB()
    {
        var directory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        return new DirectoryInfo(directory).EnumerateFiles().Sum(f => f.Length) / (1024.0 * 1024.0);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private sealed record SteadyState(double PerSecond, double PeakRssMiB);
}
