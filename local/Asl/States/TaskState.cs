using ContinuousImprovement.Asl.Definition;
using ContinuousImprovement.Asl.Runtime;
using ContinuousImprovement.Asl.Json;
using ContinuousImprovement.Asl.Paths;
using ContinuousImprovement.Asl.Tasks;

namespace ContinuousImprovement.Asl.States;

/// <summary>
/// Runs a resource through the task registry, within its TimeoutSeconds and, when HeartbeatSeconds is set,
/// failing with States.HeartbeatTimeout when the task goes that long without calling
/// <see cref="TaskInvocation.Heartbeat"/>.
/// </summary>
internal sealed class TaskState : State
{
    /// <summary>Step Functions' payload limit for state input and output.</summary>
    public const int MaxPayloadBytes = 256 * 1024;

    private readonly InputOutput io;
    private readonly ErrorHandling errors;
    private readonly ResolvedTask? task;
    private readonly TaskRegistry registry;
    private readonly double? timeoutSeconds;
    private readonly ReferencePath? timeoutSecondsPath;
    private readonly double? heartbeatSeconds;
    private readonly ReferencePath? heartbeatSecondsPath;
    private readonly Func<JsonValue, StateScope, ValueTask<StateOutcome>> runOnce;

    public TaskState(string name, FieldReader reader, TaskRegistry registry)
        : base(name, reader, transitions: true)
    {
        this.registry = registry;
        io = new InputOutput(reader, parameters: true, resultSelector: true, resultPath: true);
        errors = new ErrorHandling(reader);
        var resource = reader.String("Resource", required: true);
        if (resource is not null)
        {
            if (registry.TryResolve(resource, reader.Raw("Parameters") as JsonObject, out var resolved, out var error))
            {
                task = resolved;
            }
            else
            {
                reader.Problem(error);
            }
        }

        timeoutSeconds = reader.Number("TimeoutSeconds", 1, 99999999, integer: true);
        timeoutSecondsPath = reader.ReferencePath("TimeoutSecondsPath").Value;
        heartbeatSeconds = reader.Number("HeartbeatSeconds", 1, 99999999, integer: true);
        heartbeatSecondsPath = reader.ReferencePath("HeartbeatSecondsPath").Value;
        reader.RefuseWithItsPath("TimeoutSeconds");
        reader.RefuseWithItsPath("HeartbeatSeconds");
        if (heartbeatSeconds >= timeoutSeconds)
        {
            // The ASL spec: HeartbeatSeconds MUST be smaller than TimeoutSeconds (otherwise the timeout always fires first and the heartbeat means nothing).
            reader.Problem($"'HeartbeatSeconds' ({heartbeatSeconds}) must be smaller than 'TimeoutSeconds' ({timeoutSeconds})");
        }

        reader.Object("Credentials");
        runOnce = RunOnceAsync;
    }

    public override HistoryEventType EnteredEvent => HistoryEventType.TaskStateEntered;

    public override HistoryEventType? ExitedEvent => HistoryEventType.TaskStateExited;

    public override IEnumerable<string> Transitions => base.Transitions.Concat(errors.Transitions);

    public override ValueTask<StateOutcome> RunAsync(JsonValue input, StateScope scope) => errors.RunAsync(input, scope, runOnce);

    private async ValueTask<StateOutcome> RunOnceAsync(JsonValue input, StateScope scope)
    {
        var effective = io.EffectiveInput(input, scope);
        if (effective.Utf8Size() > MaxPayloadBytes)
        {
            // Parameters can build an input far larger than the state's own input; AWS fails the state before calling the resource.
            return StateOutcome.Failed(StatesErrors.DataLimitExceeded, $"The input of state '{Name}' after InputPath and Parameters is larger than {MaxPayloadBytes} bytes.");
        }

        var result = await InvokeAsync(effective, scope).ConfigureAwait(false);
        if (result.IsFailure)
        {
            return StateOutcome.Failed(result.Error!, result.Cause!);
        }

        if (result.Output!.Utf8Size() > MaxPayloadBytes)
        {
            return StateOutcome.Failed(StatesErrors.DataLimitExceeded, $"The result of state '{Name}' is larger than {MaxPayloadBytes} bytes.");
        }

        return Done(io.Output(input, result.Output, scope));
    }

    private async ValueTask<TaskResult> InvokeAsync(JsonValue effective, StateScope scope)
    {
        var run = scope.Run;
        var (handler, payload) = Target(effective, scope);
        var timeout = Seconds(timeoutSeconds, timeoutSecondsPath, "TimeoutSecondsPath", effective);
        var interval = Seconds(heartbeatSeconds, heartbeatSecondsPath, "HeartbeatSecondsPath", effective);
        var events = new TaskEvents(run, Name, task!, timeout, interval);
        events.Scheduled(effective);
        events.Started();
        var deadline = timeout is not null ? run.Clock.Now.AddSeconds(timeout.Value) : (DateTimeOffset?)null;
        var heartbeat = interval is not null ? new TaskHeartbeat(run.Clock, TimeSpan.FromSeconds(interval.Value)) : null;
        var invocation = new TaskInvocation(task!.Resource, payload, Name, run.Execution.Arn, deadline ?? DateTimeOffset.MaxValue) { Heartbeat = heartbeat, OnSubmitted = events.Submitted };
        TaskResult result;
        try
        {
            var pending = handler.InvokeAsync(invocation, run.Cancellation);
            result = pending.IsCompletedSuccessfully || (deadline is null && heartbeat is null)
                ? await pending.ConfigureAwait(false)
                : await WithTimeoutAsync(pending.AsTask(), deadline ?? DateTimeOffset.MaxValue, heartbeat, run).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !run.Cancellation.IsCancellationRequested)
        {
            result = e switch
            {
                TaskFailedException failed => TaskResult.Failure(failed.Error, failed.Cause),
                AslRuntimeException asl => TaskResult.Failure(asl.Error, asl.Cause),
                _ => TaskResult.Failure(e.GetType().Name, e.Message),
            };
        }

        if (result.IsFailure)
        {
            events.Failed(result.Error!, result.Cause!);
            return result;
        }

        var output = task.Kind == TaskKind.LambdaInvoke ? TaskRegistry.WrapInvokeResult(result.Output!) : result.Output!;
        events.Succeeded(output);
        return output;
    }

    private (ITaskHandler Handler, JsonValue Payload) Target(JsonValue effective, StateScope scope)
    {
        if (task!.Kind != TaskKind.LambdaInvoke)
        {
            return (task.Handler!, effective);
        }

        if (effective is not JsonObject parameters || parameters["FunctionName"] is not JsonString functionName)
        {
            throw new AslRuntimeException(StatesErrors.Runtime, $"State '{Name}' calls lambda:invoke without a FunctionName string in its Parameters.");
        }

        if (!registry.TryGetFunction(functionName.Value, out var handler))
        {
            throw new AslRuntimeException("Lambda.ResourceNotFoundException", $"Function not found: {functionName.Value} (state '{scope.StateName}').");
        }

        return (handler, parameters["Payload"] ?? JsonObject.Empty);
    }

    private double? Seconds(double? fixedSeconds, ReferencePath? path, string field, JsonValue effective)
    {
        if (fixedSeconds is not null || path is null)
        {
            return fixedSeconds;
        }

        return path.TryGet(effective, out var value) && value is JsonNumber { IsInteger: true, Value: > 0 } n
            ? n.Value
            : throw new AslRuntimeException(StatesErrors.Runtime, $"The {field} '{path}' of state '{Name}' does not select a positive whole number.");
    }

    private async Task<TaskResult> WithTimeoutAsync(Task<TaskResult> pending, DateTimeOffset deadline, TaskHeartbeat? heartbeat, ExecutionRun run)
    {
        using var cancelTimers = CancellationTokenSource.CreateLinkedTokenSource(run.Cancellation);
        var timeout = deadline == DateTimeOffset.MaxValue ? Task.Delay(Timeout.Infinite, cancelTimers.Token) : run.Clock.WhenReachedAsync(deadline, cancelTimers.Token);
        try
        {
            while (true)
            {
                var beatDue = heartbeat is null ? Task.Delay(Timeout.Infinite, cancelTimers.Token) : run.Clock.WhenReachedAsync(heartbeat.Due, cancelTimers.Token);
                var first = await Task.WhenAny(pending, timeout, beatDue).ConfigureAwait(false);
                if (first == pending)
                {
                    return await pending.ConfigureAwait(false);
                }

                run.Cancellation.ThrowIfCancellationRequested();
                if (first == timeout)
                {
                    return TaskResult.Failure(StatesErrors.Timeout, $"State '{Name}' did not finish within its timeout.");
                }

                if (heartbeat!.Due <= run.Clock.Now)
                {
                    return TaskResult.Failure(StatesErrors.HeartbeatTimeout, $"State '{Name}' sent no heartbeat for {heartbeat.Interval.TotalSeconds} seconds.");
                }
            }
        }
        finally
        {
            await cancelTimers.CancelAsync().ConfigureAwait(false);
        }
    }
}
