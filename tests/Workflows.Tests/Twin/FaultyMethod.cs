using System.Reflection;
using System.Runtime.ExceptionServices;
using ContinuousImprovement.Core.Ports;

namespace ContinuousImprovement.Workflows.Tests.Twin;

/// <summary>Wraps a port so that one of its methods fails as a <see cref="PortFault"/> says (reflection is fine in tests).</summary>
#pragma warning disable CA1852 // DispatchProxy needs a non-sealed proxy type.
internal class FaultyMethod<T> : DispatchProxy
#pragma warning restore CA1852
    where T : class
{
    private T inner = null!;
    private PortFault fault = null!;

    public static T Wrap(T inner, PortFault? fault)
    {
        if (fault is null || fault.Port != typeof(T))
        {
            return inner;
        }

        var proxy = Create<T, FaultyMethod<T>>();
        var faulty = (FaultyMethod<T>)(object)proxy;
        faulty.inner = inner;
        faulty.fault = fault;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        if (targetMethod.Name == fault.Method && fault.NextCallFails())
        {
            throw new PortException(fault.Kind, $"{typeof(T).Name}.{targetMethod.Name}: injected {fault.Kind} failure");
        }

        try
        {
            return targetMethod.Invoke(inner, args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Throw(e.InnerException);
            throw;
        }
    }
}
