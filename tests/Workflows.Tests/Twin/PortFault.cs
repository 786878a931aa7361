using ContinuousImprovement.Core.Ports;

namespace ContinuousImprovement.Workflows.Tests.Twin;

/// <summary>
/// One cell of a fault matrix: a whole port, or one method of it, fails on its first call, its second, or always,
/// with a port failure kind, until <see cref="Heal"/> is called (the outage is over). Counts the calls it covers; a
/// method fault leaves the port's other methods working. <see cref="FaultyPort{T}"/> puts it in front of an adapter.
/// </summary>
internal sealed class PortFault(Type port, string? method, FaultMode mode, PortFailure kind)
{
    private int calls;
    private int failures;
    private volatile bool healed;

    /// <summary>A fault of the whole port: every method's calls count as one series.</summary>
    public PortFault(Type port, FaultMode mode, PortFailure kind)
        : this(port, null, mode, kind)
    {
    }

    public Type Port { get; } = port;

    /// <summary>The method that fails; null when any method of the port does.</summary>
    public string? Method { get; } = method;

    public FaultMode Mode { get; } = mode;

    public PortFailure Kind { get; } = kind;

    public int Calls => Volatile.Read(ref calls);

    public int Failures => Volatile.Read(ref failures);

    public void Heal() => healed = true;

    /// <summary>Counts a call of <paramref name="method"/> when this fault covers it, and says whether the call fails.</summary>
    public bool NextCallFails(string method)
    {
        if (healed || (Method is not null && method != Method))
        {
            return false;
        }

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

    public override string ToString() =>
        $"{Port.Name}{(Method is null ? "" : "." + Method)} fails {Mode switch { FaultMode.Once => "once", FaultMode.Second => "on its 2nd call", FaultMode.AlwaysAfterLanding => "always after landing", _ => "always" }} with Port.{Kind}";
}
