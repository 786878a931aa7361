using ContinuousImprovement.Core.Ports;
using ContinuousImprovement.Workflows.Tests.Twin;

namespace ContinuousImprovement.Workflows.Tests.Training;

/// <summary>
/// One cell of the training fault matrix: one method of one port fails on its first call, its second, or always,
/// with a port failure kind; counts that method's calls. The ports' other methods work.
/// </summary>
internal sealed class PortFault(Type port, string method, FaultMode mode, PortFailure kind)
{
    private int calls;
    private int failures;

    public Type Port { get; } = port;

    public string Method { get; } = method;

    public FaultMode Mode { get; } = mode;

    public PortFailure Kind { get; } = kind;

    public int Calls => Volatile.Read(ref calls);

    public int Failures => Volatile.Read(ref failures);

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

    public override string ToString() =>
        $"{Port.Name}.{Method} fails {Mode switch { FaultMode.Once => "once", FaultMode.Second => "on its 2nd call", _ => "always" }} with Port.{Kind}";
}
