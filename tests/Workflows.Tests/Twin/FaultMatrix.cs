using ContinuousImprovement.Core.Ports;

namespace ContinuousImprovement.Workflows.Tests.Twin;

/// <summary>What every workflow's fault matrix crosses (how often, which retryable kind) and how a cell collects its problems.</summary>
internal static class FaultMatrix
{
    public static readonly FaultMode[] Modes = [FaultMode.Once, FaultMode.Second, FaultMode.Always];

    public static readonly PortFailure[] Kinds = [PortFailure.Throttled, PortFailure.Unavailable, PortFailure.Timeout, PortFailure.NotReady];

    /// <summary>Adds <paramref name="problem"/> when the expectation does not hold, so a cell reports all it broke.</summary>
    public static void Expect(List<string> problems, bool holds, string problem)
    {
        if (!holds)
        {
            problems.Add(problem);
        }
    }
}
