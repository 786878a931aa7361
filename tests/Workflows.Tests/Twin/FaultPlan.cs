using ContinuousImprovement.Core.Ports;

namespace ContinuousImprovement.Workflows.Tests.Twin;

/// <summary>
/// How an injected port misbehaves: its first call fails, its second call fails (a retry must not repeat what
/// the first call already did), or every call does.
/// </summary>
internal enum FaultMode
{
    Once,
    Second,
    Always,
}

/// <summary>One cell of the fault matrix: which port fails, how often and how; counts what happened.</summary>
internal sealed class FaultPlan(Type port, FaultMode mode, PortFailure kind)
{
    private int calls;
    private int failures;

    public Type Port { get; } = port;

    public FaultMode Mode { get; } = mode;

    public PortFailure Kind { get; } = kind;

    public int Calls => Volatile.Read(ref calls);

    public int Failures => Volatile.Read(ref failures);

    /// <summary>Counts a call to the port and says whether it fails.</summary>
    public bool NextCallFails()
    {
        var call = Interlocked.Increment(ref calls);
        var fails = Mode switch
        {
            FaultMode.Once => call == 1,
            FaultMode.Second => call == 2,
            _ => true,
        };
        if (fails)
        {
            Interlocked.Increment(ref failures);
        }

        return fails;
    }

    public override string ToString() => $"{Port.Name} fails {Mode switch { FaultMode.Once => "once", FaultMode.Second => "on its 2nd call", _ => "always" }} with Port.{Kind}";
}
