namespace ContinuousImprovement.Benchmarks.Throughput;

/// <summary>One throughput run's figures, as the worker process prints them.</summary>
internal sealed record ThroughputResult(string Mode, int Executions, int Succeeded, long Logged, int HumanLoops, double Seconds, double CpuSeconds, double PeakRssMiB, double RetainedMiB)
{
    public double PerSecond => Executions / Seconds;

    public double MicrosecondsPerExecution => Seconds * 1e6 / Executions;
}
