using System.Reflection;
using System.Runtime.ExceptionServices;
using ContinuousImprovement.Core.Ports;

namespace ContinuousImprovement.Workflows.Tests.Twin;

/// <summary>
/// Wraps any port so that its calls fail as a <see cref="FaultPlan"/> says, with the PortException an adapter
/// would throw; other calls reach the real adapter. (Reflection is fine here: tests do not run under AOT.)
/// </summary>
#pragma warning disable CA1852 // DispatchProxy needs a non-sealed proxy type.
internal class FaultyPort<T> : DispatchProxy
#pragma warning restore CA1852
    where T : class
{
    private T inner = null!;
    private FaultPlan plan = null!;

    public static T Wrap(T inner, FaultPlan plan)
    {
        var proxy = Create<T, FaultyPort<T>>();
        var faulty = (FaultyPort<T>)(object)proxy;
        faulty.inner = inner;
        faulty.plan = plan;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        if (plan.NextCallFails())
        {
            throw new PortException(plan.Kind, $"{typeof(T).Name}.{targetMethod.Name}: injected {plan.Kind} failure");
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
