using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using ContinuousImprovement.Asl.Tasks;

namespace ContinuousImprovement.Workflows.Tests.Twin;

/// <summary>
/// Which port methods each handler calls, as the workflow tests see them, against <c>infra/handler-port-calls.json</c>:
/// the calls the stack grants each function (Infra.Tests checks the grants against that file). A handler calling a port
/// method its entry does not list fails the test that made it do so: its function would be denied on AWS. With
/// <c>CI_RECORD_PORT_CALLS=1</c> the calls seen are added to the file instead (then review the grants).
/// </summary>
internal sealed class HandlerPortCalls
{
    public const string File = "infra/handler-port-calls.json";

    private static readonly AsyncLocal<string?> Running = new();
    private static readonly Lazy<Dictionary<string, IReadOnlySet<string>>> Listed = new(Load);
    private static readonly bool Recording = Environment.GetEnvironmentVariable("CI_RECORD_PORT_CALLS") == "1";
    private static readonly ConcurrentDictionary<string, ConcurrentDictionary<string, bool>> Recorded = new(StringComparer.Ordinal);
    private static readonly Lock FileGate = new();

    private readonly ConcurrentQueue<string> unlisted = new();

    /// <summary>Calls made by handlers that their entry in the file does not list.</summary>
    public IReadOnlyCollection<string> Unlisted => unlisted;

    /// <summary>The engine's task for <paramref name="handler"/>: port calls made while it runs are counted as its own.</summary>
    public static ITaskHandler Named(string handler, ITaskHandler inner)
    {
        // Recorded even before it calls anything: a handler that calls no port is listed with none.
        if (Recording && Recorded.TryAdd(handler, new(StringComparer.Ordinal)))
        {
            Save();
        }

        return new NamedTask(handler, inner);
    }

    /// <summary>The port, with every call checked (or recorded) against the handler making it.</summary>
    public T Watch<T>(T port)
        where T : class
    {
        var proxy = DispatchProxy.Create<T, Watched<T>>();
        var watched = (Watched<T>)(object)proxy;
        watched.Inner = port;
        watched.Calls = this;
        return proxy;
    }

    private void Saw(string call)
    {
        // Calls a test makes itself, outside any handler, are not a function's.
        if (Running.Value is not { } handler)
        {
            return;
        }

        if (Recording)
        {
            if (Recorded.GetOrAdd(handler, _ => new(StringComparer.Ordinal)).TryAdd(call, true))
            {
                Save();
            }

            return;
        }

        if (!Listed.Value.TryGetValue(handler, out var calls) || !calls.Contains(call))
        {
            unlisted.Enqueue($"{handler} calls {call}, which {File} does not list for it: add it there and grant its function what the call needs (infra/HandlerPermissions.cs)");
        }
    }

    private static Dictionary<string, IReadOnlySet<string>> Load()
    {
        var path = RepositoryPaths.InRepository(File);
        var root = System.IO.File.Exists(path) ? JsonNode.Parse(System.IO.File.ReadAllText(path))!.AsObject() : [];
        return root.ToDictionary(p => p.Key, p => (IReadOnlySet<string>)p.Value!.AsArray().Select(c => (string)c!).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
    }

    // Merged into what the file lists, so recording in several runs (or test processes) only ever adds.
    private static void Save()
    {
        lock (FileGate)
        {
            var merged = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
            foreach (var (handler, calls) in Load())
            {
                merged[handler] = new SortedSet<string>(calls, StringComparer.Ordinal);
            }

            foreach (var (handler, calls) in Recorded)
            {
                var set = merged.TryGetValue(handler, out var found) ? found : merged[handler] = new SortedSet<string>(StringComparer.Ordinal);
                set.UnionWith(calls.Keys);
            }

            var json = new JsonObject();
            foreach (var (handler, calls) in merged)
            {
                json[handler] = new JsonArray([.. calls.Select(c => JsonValue.Create(c))]);
            }

            System.IO.File.WriteAllText(RepositoryPaths.InRepository(File), json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        }
    }

    private sealed class NamedTask(string handler, ITaskHandler inner) : ITaskHandler
    {
        public async ValueTask<TaskResult> InvokeAsync(TaskInvocation invocation, CancellationToken cancellationToken)
        {
            Running.Value = handler;
            try
            {
                return await inner.InvokeAsync(invocation, cancellationToken);
            }
            finally
            {
                Running.Value = null;
            }
        }
    }

#pragma warning disable CA1852 // DispatchProxy needs a non-sealed proxy type.
    internal class Watched<T> : DispatchProxy
#pragma warning restore CA1852
        where T : class
    {
        public T Inner { get; set; } = null!;

        public HandlerPortCalls Calls { get; set; } = null!;

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            ArgumentNullException.ThrowIfNull(targetMethod);
            Calls.Saw($"{typeof(T).Name}.{targetMethod.Name}");
            try
            {
                return targetMethod.Invoke(Inner, args);
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                ExceptionDispatchInfo.Throw(e.InnerException);
                throw;
            }
        }
    }
}
