using ContinuousImprovement.Handlers;
using ContinuousImprovement.Handlers.Invocation;
using ContinuousImprovement.Host.Runtime;

namespace ContinuousImprovement.Host.Wiring;

/// <summary>
/// Registers every entry of the Handlers project's <see cref="HandlerCatalog"/> under its own name. The ports are built
/// (from the environment) only when the function's own handler is created at init, so a missing variable is an init
/// error of that function, and functions that serve diagnostics need no AWS configuration at all. A failed invocation
/// (<see cref="HandlerError"/>) is thrown as a <see cref="NamedErrorException"/>, so Lambda reports
/// <c>errorType = Name</c> and <c>errorMessage = Cause</c>, which Step Functions' Retry and Catch match.
/// </summary>
public static class WorkflowHandlers
{
    /// <summary>The names the catalog serves. Reading them needs a catalog; its handlers only keep the ports at construction.</summary>
    public static IReadOnlyList<string> Names { get; } = new HandlerCatalog(Unbound()).Names;

    public static RuntimeHandlers AddTo(RuntimeHandlers handlers, Func<Ports> ports)
    {
        ArgumentNullException.ThrowIfNull(handlers);
        ArgumentNullException.ThrowIfNull(ports);
        foreach (var name in Names)
        {
            handlers.Add(name, () => Serve(new HandlerCatalog(ports())[name]));
        }

        return handlers;
    }

    public static LambdaHandler Serve(HandlerEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return async (payload, _, cancellationToken) =>
        {
            var result = await entry.InvokeAsync(payload, cancellationToken).ConfigureAwait(false);
            return result.Error is { } error ? throw new NamedErrorException(error.Name, error.Cause) : result.Output;
        };
    }

    // Handlers keep the ports they are given and touch them only when invoked; these are never invoked.
    private static Ports Unbound() => new(null!, null!, null!, null!, null!, null!, null!, TimeProvider.System) { Leases = null! };
}
