using ContinuousImprovement.Core.Ports;
using ContinuousImprovement.Workflows.Tests.Twin;

namespace ContinuousImprovement.Workflows.Tests.AuditSampling;

/// <summary>
/// One cell of the audit fault matrix: one method of one port fails on its first call, its second, or always, until
/// <see cref="Heal"/> is called (the next scheduled run, after the outage); counts that method's calls.
/// </summary>
internal sealed class AuditFault(Type port, string method, FaultMode mode, PortFailure kind)
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
