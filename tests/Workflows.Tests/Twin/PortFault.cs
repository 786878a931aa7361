using ContinuousImprovement.Core.Ports;

namespace ContinuousImprovement.Workflows.Tests.Twin;

/// <summary>
/// One cell of a workflow's fault matrix (training, audit sampling): one method of one port fails on its first call,
/// its second, or always, with a port failure kind, until <see cref="Heal"/> is called (the outage is over); counts
/// that method's calls. The ports' other methods work.
/// </summary>
internal sealed class PortFault(Type port, string method, FaultMode mode, PortFailure kind)
{
    private int calls;
    private int failures;
    private volatile bool healed;

    public Type Port { get; } = port;

    public string Method { get; } = method;

    public FaultMode Mode { get; } = mode;

    public PortFailure Kind { get; } = kind;

    public int Calls => Volatile.Read(ref calls);

    public int Failures => Volatile.Read(ref failures);

    public void Heal() => healed = true;

    public bool NextCallFails()
    {
        if (healed)
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
        $"{Port.Name}.{Method} fails {Mode switch { FaultMode.Once => "once", FaultMode.Second => "on its 2nd call", _ => "always" }} with Port.{Kind}";
}
