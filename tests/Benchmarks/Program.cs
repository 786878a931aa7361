using System.Globalization;
using ContinuousImprovement.Benchmarks.Asl;

namespace ContinuousImprovement.Benchmarks;

internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        var quick = args.Contains("--quick");
        var command = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal));
        switch (command)
        {
            case "asl":
                return await AslBenchmark.RunAsync(quick);
            case "labels":
                return Labels.LabelEfficiencyBenchmark.Run(quick);
            case "host":
                return await Host.HostBenchmark.RunAsync(quick);
            case "throughput":
                return await Throughput.ThroughputBenchmark.RunAsync(quick);
            case Throughput.ThroughputWorker.Command when args.Length >= 3:
                return await Throughput.ThroughputBenchmark.WorkerAsync(args[1], int.Parse(args[2], CultureInfo.InvariantCulture));
            case AslBenchmark.WorkerCommand when args.Length >= 3:
                return await AslBenchmark.WorkerAsync(args[1], int.Parse(args[2], CultureInfo.InvariantCulture));
            default:
                await Console.Error.WriteLineAsync("usage: dotnet run -c Release --project tests/Benchmarks -- asl|host|labels|throughput [--quick]");
                return 2;
        }
    }
}
