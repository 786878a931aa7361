using System.Reflection;
using System.Runtime.ExceptionServices;
using ContinuousImprovement.Core.Ports;

namespace ContinuousImprovement.Workflows.Tests.Twin;

/// <summary>
/// Wraps a port so that the calls a <see cref="PortFault"/> covers fail as it says, with the PortException an adapter
/// would throw; other calls reach the real adapter. (Reflection is fine here: tests do not run under AOT.)
/// </summary>
#pragma warning disable CA1852 // DispatchProxy needs a non-sealed proxy type.
internal class FaultyPort<T> : DispatchProxy
#pragma warning restore CA1852
    where T : class
{
    private T inner = null!;
    private PortFault fault = null!;

    /// <summary>The port behind the fault when the fault is for <typeparamref name="T"/>; otherwise the port itself.</summary>
    public static T Wrap(T inner, PortFault? fault)
    {
        if (fault is null || fault.Port != typeof(T))
        {
            return inner;
        }

        var proxy = Create<T, FaultyPort<T>>();
        var faulty = (FaultyPort<T>)(object)proxy;
        faulty.inner = inner;
        faulty.fault = fault;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        if (fault.Mode == FaultMode.AlwaysAfterLanding && fault.NextCallFails(targetMethod.Name))
        {
            return AfterLanding(targetMethod, Call(targetMethod, args));
        }

        if (fault.Mode != FaultMode.AlwaysAfterLanding && fault.NextCallFails(targetMethod.Name))
        {
            throw new PortException(fault.Kind, $"{typeof(T).Name}.{targetMethod.Name}: injected {fault.Kind} failure");
        }

        return Call(targetMethod, args);
    }

    private static async Task<TResult> ThenFail<TResult>(Task<TResult> call, PortException failure)
    {
        await call.ConfigureAwait(false);
        throw failure;
    }

    private static async Task ThenFail(Task call, PortException failure)
    {
        await call.ConfigureAwait(false);
        throw failure;
    }

    private object? Call(MethodInfo targetMethod, object?[]? args)
    {
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

    // The call runs to its end and its answer is replaced by the failure, as a lost response would be.
    private object? AfterLanding(MethodInfo targetMethod, object? result)
    {
        var failure = new PortException(fault.Kind, $"{typeof(T).Name}.{targetMethod.Name}: injected {fault.Kind} failure after the call landed");
        var returns = targetMethod.ReturnType;
        if (returns.IsGenericType && returns.GetGenericTypeDefinition() == typeof(Task<>))
        {
            var thenFail = typeof(FaultyPort<T>).GetMethods(BindingFlags.NonPublic | BindingFlags.Static).Single(m => m.Name == nameof(ThenFail) && m.IsGenericMethodDefinition);
            return thenFail.MakeGenericMethod(returns.GetGenericArguments()[0]).Invoke(null, [result, failure]);
        }

        return result is Task task ? ThenFail(task, failure) : throw failure;
    }
}
