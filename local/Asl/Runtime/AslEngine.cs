using ContinuousImprovement.Asl.Intrinsics;
using ContinuousImprovement.Asl.Json;

namespace ContinuousImprovement.Asl.Runtime;

/// <summary>Options of an engine: which clock executions see, and how much of their past it keeps.</summary>
public sealed record AslEngineOptions
{
    public IClock Clock { get; init; } = SystemClock.RealTime;

    /// <summary>Keep each execution's event history (GetExecutionHistory). Off, only the event count is kept.</summary>
    public bool KeepHistory { get; init; } = true;

    /// <summary>How many finished executions stay listable; older ones are forgotten so memory stays flat.</summary>
    public int RetainFinishedExecutions { get; init; } = 1000;

    /// <summary>Source of randomness and UUIDs for States.MathRandom, States.UUID and retry jitter.</summary>
    public IIntrinsicEnvironment Intrinsics { get; init; } = DefaultIntrinsicEnvironment.Instance;
}

/// <summary>
/// Runs executions of loaded state machines, many at once, as Step Functions does: StartExecution,
/// DescribeExecution, StopExecution and GetExecutionHistory have their counterparts here.
/// </summary>
public sealed class AslEngine
{
    // One plain lock: ConcurrentDictionary's striped monitors cost more than the whole of a short execution.
    private readonly Lock gate = new();
    private readonly Dictionary<string, Execution> executions = new(StringComparer.Ordinal);
    private readonly Queue<string> finished = new();

    public AslEngine(AslEngineOptions? options = null) => Options = options ?? new AslEngineOptions();

    public AslEngineOptions Options { get; }

    public IClock Clock => Options.Clock;

    /// <summary>Running executions and the most recent finished ones.</summary>
    public IReadOnlyCollection<Execution> Executions
    {
        get
        {
            lock (gate)
            {
                return [.. executions.Values];
            }
        }
    }

    public Execution? Find(string executionArn)
    {
        lock (gate)
        {
            return executions.GetValueOrDefault(executionArn);
        }
    }

    /// <summary>Starts an execution; it runs inline until its first real wait, then in the background.</summary>
    /// <exception cref="InvalidOperationException">An execution of this machine already has that name (ExecutionAlreadyExists).</exception>
    public Execution Start(StateMachine machine, JsonValue input, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(machine);
        ArgumentNullException.ThrowIfNull(input);
        if (input.Utf8Size() > States.TaskState.MaxPayloadBytes)
        {
            throw new ArgumentException($"InvalidExecutionInput: the input is larger than {States.TaskState.MaxPayloadBytes} bytes.", nameof(input));
        }

        if (name is not null && !IsValidName(name))
        {
            throw new ArgumentException($"InvalidName: execution name '{name}' must have 1 to 80 characters without whitespace, brackets, wildcards, control characters or any of \"#%\\^|~`$&,;:/.", nameof(name));
        }

        name ??= RandomName();
        var arn = machine.Arn.Replace(":stateMachine:", ":execution:", StringComparison.Ordinal) + ":" + name;
        var execution = new Execution(arn, name, machine.Arn, input, Clock.Now, Options.KeepHistory);
        lock (gate)
        {
            if (!executions.TryAdd(arn, execution))
            {
                throw new InvalidOperationException($"ExecutionAlreadyExists: an execution named '{name}' of {machine.Name} exists.");
            }
        }

        _ = RunAsync(machine, execution);
        return execution;
    }

    /// <summary>Starts an execution and waits for it to end.</summary>
    public Task<Execution> RunAsync(StateMachine machine, JsonValue input, string? name = null) => Start(machine, input, name).Completion;

    private async Task RunAsync(StateMachine machine, Execution execution)
    {
        var run = new ExecutionRun(execution, machine, Clock, Options.Intrinsics, execution.Stopping);
        try
        {
            run.Record(HistoryEventType.ExecutionStarted, input: execution.Input);
            var running = machine.Program.RunAsync(execution.Input, run, null);
            var output = machine.TimeoutSeconds is { } seconds && !running.IsCompleted
                ? await WithTimeoutAsync(running.AsTask(), execution.StartDate.AddSeconds(seconds), execution.Stopping).ConfigureAwait(false)
                : await running.ConfigureAwait(false);
            run.Record(HistoryEventType.ExecutionSucceeded, output: output);
            execution.Finish(ExecutionStatus.Succeeded, Clock.Now, output, null, null);
        }
        catch (ExecutionTimeoutException)
        {
            execution.Stop();
            run.Record(HistoryEventType.ExecutionTimedOut, error: StatesErrors.Timeout, cause: "The execution ran longer than the state machine's TimeoutSeconds.");
            execution.Finish(ExecutionStatus.TimedOut, Clock.Now, null, StatesErrors.Timeout, "The execution ran longer than the state machine's TimeoutSeconds.");
        }
        catch (OperationCanceledException) when (execution.Stopping.IsCancellationRequested)
        {
            run.Record(HistoryEventType.ExecutionAborted, error: execution.Error, cause: execution.Cause);
            execution.Finish(ExecutionStatus.Aborted, Clock.Now, null, null, null);
        }
        catch (AslRuntimeException e)
        {
            run.Record(HistoryEventType.ExecutionFailed, error: e.Error, cause: e.Cause);
            execution.Finish(ExecutionStatus.Failed, Clock.Now, null, e.Error, e.Cause);
        }
#pragma warning disable CA1031 // An engine bug must end the execution visibly, never hang it or crash the host.
        catch (Exception e)
#pragma warning restore CA1031
        {
            var cause = $"The engine failed: {e.GetType().Name}: {e.Message}";
            run.Record(HistoryEventType.ExecutionFailed, error: StatesErrors.Runtime, cause: cause);
            execution.Finish(ExecutionStatus.Failed, Clock.Now, null, StatesErrors.Runtime, cause);
        }

        Forget(execution);
    }

    /// <summary>Step Functions' naming rule for executions (the same for state machines).</summary>
    public static bool IsValidName(string name) =>
        name.Length is >= 1 and <= 80
        && !name.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || "<>{}[]?*\"#%\\^|~`$&,;:/".Contains(c));

    /// <summary>
    /// A version-4 UUID as Step Functions names unnamed executions; from a fast generator, since a
    /// cryptographic one would cost more than a short execution itself.
    /// </summary>
    private static string RandomName()
    {
        Span<byte> bytes = stackalloc byte[16];
        Random.Shared.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes).ToString();
    }

    private void Forget(Execution execution)
    {
        lock (gate)
        {
            finished.Enqueue(execution.Arn);
            while (finished.Count > Options.RetainFinishedExecutions)
            {
                executions.Remove(finished.Dequeue());
            }
        }
    }

    private async Task<JsonValue> WithTimeoutAsync(Task<JsonValue> running, DateTimeOffset deadline, CancellationToken stopping)
    {
        using var cancelTimer = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var timer = Clock.WhenReachedAsync(deadline, cancelTimer.Token);
        if (await Task.WhenAny(running, timer).ConfigureAwait(false) == running)
        {
            await cancelTimer.CancelAsync().ConfigureAwait(false);
            return await running.ConfigureAwait(false);
        }

        stopping.ThrowIfCancellationRequested();
        throw new ExecutionTimeoutException();
    }

    private sealed class ExecutionTimeoutException : Exception;
}
