using System.Threading.Channels;
using ContinuousImprovement.Asl.Json;
using ContinuousImprovement.Asl.Runtime;
using ContinuousImprovement.Local.Twin.Events;

namespace ContinuousImprovement.Local.Twin.Workflows;

/// <summary>
/// EventBridge for the twin: an event published by a store is matched against the workflows' rules and starts an
/// execution of each matching workflow. Delivery is asynchronous, as on AWS: a put returns before the workflow it
/// triggers runs, so a handler that writes an object never runs the next workflow inside its own call. Events go
/// through a queue drained by <c>dispatchers</c> workers (executions run inline on a worker until they wait).
/// </summary>
public sealed class TwinEventBus : IEventSink, IAsyncDisposable
{
    private readonly AslEngine engine;
    private readonly Dictionary<string, StateMachine> machines = new(StringComparer.Ordinal);
    private readonly Func<string, IReadOnlyList<TwinWorkflow>> route;
    private readonly ExecutionJournal? journal;
    private readonly Channel<Delivery> queue = Channel.CreateUnbounded<Delivery>(new UnboundedChannelOptions { SingleWriter = false });
    private readonly int dispatchers;
    private readonly Action<string> log;
    private readonly SemaphoreSlim slots;
    private Task[] workers = [];
    private readonly Lock gate = new();
    private TaskCompletionSource idle = NewIdle(completed: true);
    private long pending;
    private long published;
    private long unrouted;

    /// <summary>
    /// A bus that delivers nothing until <see cref="Open"/>: the stores that publish to it are built before the
    /// workflows that read them, so the machines are registered afterwards.
    /// </summary>
    /// <param name="maxConcurrent">
    /// Executions running at once; further events wait in the queue. Unbounded, a burst of uploads would start
    /// thousands of executions that then queue on the same files and database, slower in total and holding
    /// every one's state in memory.
    /// </param>
    /// <param name="log">Where delivery problems are told (EventBridge's failed-invocation metrics on AWS); default standard error.</param>
    public TwinEventBus(AslEngine engine, Func<string, IReadOnlyList<TwinWorkflow>> route, ExecutionJournal? journal, int dispatchers = 1, int maxConcurrent = 16, Action<string>? log = null)
    {
        this.log = log ?? Console.Error.WriteLine;
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dispatchers);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxConcurrent);
        slots = new SemaphoreSlim(maxConcurrent, maxConcurrent);
        this.engine = engine;
        this.dispatchers = dispatchers;
        this.route = route;
        this.journal = journal;
    }

    /// <summary>Registers the workflows' machines and starts delivering (events published before wait in the queue).</summary>
    public void Open(IReadOnlyDictionary<TwinWorkflow, StateMachine> workflows)
    {
        ArgumentNullException.ThrowIfNull(workflows);
        if (workers.Length > 0)
        {
            throw new InvalidOperationException("The bus is already open.");
        }

        foreach (var (workflow, machine) in workflows)
        {
            machines[workflow.Name] = machine;
        }

        workers = Enumerable.Range(0, dispatchers).Select(_ => Task.Run(DispatchAsync)).ToArray();
    }

    /// <summary>Deliveries queued or running now (events not yet routed, executions not yet ended).</summary>
    public long Pending
    {
        get
        {
            lock (gate)
            {
                return pending;
            }
        }
    }

    /// <summary>Events published so far, and how many of them no rule matched.</summary>
    public (long Published, long Unrouted) Counts => (Interlocked.Read(ref published), Interlocked.Read(ref unrouted));

    public void Publish(string eventJson)
    {
        ArgumentNullException.ThrowIfNull(eventJson);
        Interlocked.Increment(ref published);
        Enqueue(new Delivery(eventJson, null, null));
    }

    /// <summary>Starts a workflow directly (what a schedule or an operator's start-execution does).</summary>
    public void Start(TwinWorkflow workflow, string inputJson, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        Enqueue(new Delivery(inputJson, workflow, name));
    }

    /// <summary>
    /// Counts an execution started elsewhere (a state machine's <c>states:startExecution</c>) as this bus's own: it is
    /// journaled when it ends and <see cref="WhenIdleAsync"/> waits for it.
    /// </summary>
    public void Track(string workflowName, Execution execution)
    {
        ArgumentNullException.ThrowIfNull(execution);
        Begin();
        JournalWhenEnded(workflowName, execution, slot: null);
    }

    /// <summary>Completes when every published event has been routed and every execution it started has ended.</summary>
    public Task WhenIdleAsync(CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            return idle.Task.WaitAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await Task.WhenAll(workers).ConfigureAwait(false);
        await WhenIdleAsync().ConfigureAwait(false);
        slots.Dispose();
    }

    private void Enqueue(Delivery delivery)
    {
        Begin();
        if (!queue.Writer.TryWrite(delivery))
        {
            End();
            throw new InvalidOperationException("The twin is stopping; no more events are delivered.");
        }
    }

    private async Task DispatchAsync()
    {
        await foreach (var delivery in queue.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            IReadOnlyList<TwinWorkflow> targets;
            try
            {
                targets = delivery.Workflow is { } direct ? [direct] : route(delivery.Json);
            }
            catch (ArgumentException e)
            {
                // An event no rule can read (not JSON) matches none, as on EventBridge; the worker must live on.
                log($"twin: an event that is not JSON was dropped: {e.Message}");
                targets = [];
            }

            if (targets.Count == 0)
            {
                Interlocked.Increment(ref unrouted);
            }

            foreach (var workflow in targets)
            {
                Begin();
                await slots.WaitAsync().ConfigureAwait(false);
                Execution execution;
                try
                {
                    execution = engine.Start(machines[workflow.Name], JsonValue.Parse(delivery.Json), delivery.Name);
                }
                catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.Text.Json.JsonException)
                {
                    // EventBridge would log a failed target invocation; the twin says it where the operator looks.
                    log($"twin: could not start {workflow.Name}: {e.Message}");
                    slots.Release();
                    End();
                    continue;
                }

                JournalWhenEnded(workflow.Name, execution, slots);
            }

            End();
        }
    }

    // Journals the execution when it ends, then gives back its concurrency slot (if it took one) and its count in
    // WhenIdleAsync, which the caller took with Begin.
    private void JournalWhenEnded(string workflowName, Execution execution, SemaphoreSlim? slot) =>
        _ = execution.Completion.ContinueWith(
            finished =>
            {
                try
                {
                    journal?.Record(workflowName, finished.Result);
                }
                catch (IOException e)
                {
                    log($"twin: could not journal execution {finished.Result.Name}: {e.Message}");
                }
                finally
                {
                    slot?.Release();
                    End();
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);

    private void Begin()
    {
        lock (gate)
        {
            if (pending++ == 0)
            {
                idle = NewIdle(completed: false);
            }
        }
    }

    private void End()
    {
        TaskCompletionSource? done = null;
        lock (gate)
        {
            if (--pending == 0)
            {
                done = idle;
            }
        }

        done?.TrySetResult();
    }

    private static TaskCompletionSource NewIdle(bool completed)
    {
        var source = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (completed)
        {
            source.SetResult();
        }

        return source;
    }

    private sealed record Delivery(string Json, TwinWorkflow? Workflow, string? Name);
}
