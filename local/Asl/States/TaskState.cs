using ContinuousImprovement.Asl.Definition;
using ContinuousImprovement.Asl.Runtime;
using ContinuousImprovement.Asl.Json;
using ContinuousImprovement.Asl.Paths;
using ContinuousImprovement.Asl.Tasks;

namespace ContinuousImprovement.Asl.States;

/// <summary>
/// Runs a resource through the task registry. HeartbeatSeconds is accepted but not enforced: local handlers
/// run in-process and cannot stall silently the way a remote activity can.
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

    public TaskState(string name, FieldReader reader, TaskRegistry registry)
        : base(name, reader, transitions: true)
    {
        this.registry = registry;
        io = new InputOutput(reader, parameters: true, resultSelector: true, resultPath: true);
        errors = new ErrorHandling(reader);
        var resource = reader.String("Resource", required: true);
        if (resource is not null)
        {
            if (registry.TryResolve(resource, out var resolved, out var error))
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
        reader.Number("HeartbeatSeconds", 1, 99999999, integer: true);
        reader.ReferencePath("HeartbeatSecondsPath");
        reader.Object("Credentials");
    }

    public override HistoryEventType EnteredEvent => HistoryEventType.TaskStateEntered;

    public override HistoryEventType? ExitedEvent => HistoryEventType.TaskStateExited;

    public override IEnumerable<string> Transitions => base.Transitions.Concat(errors.Transitions);

    public override ValueTask<StateOutcome> RunAsync(JsonValue input, StateScope scope) => errors.RunAsync(input, scope, RunOnceAsync);

    private async ValueTask<StateOutcome> RunOnceAsync(JsonValue input, StateScope scope)
    {
        var effective = io.EffectiveInput(input, scope);
        var result = await InvokeAsync(effective, scope).ConfigureAwait(false);
        if (result.Utf8Size() > MaxPayloadBytes)
        {
            throw new AslRuntimeException(StatesErrors.DataLimitExceeded, $"The result of state '{Name}' is larger than {MaxPayloadBytes} bytes.");
        }

        return Done(io.Output(input, result, scope));
    }

    private async ValueTask<JsonValue> InvokeAsync(JsonValue effective, StateScope scope)
    {
        var run = scope.Run;
        var lambda = task!.Kind != TaskKind.Resource;
        var (handler, payload) = Target(effective, scope);
        run.Record(lambda ? HistoryEventType.LambdaFunctionScheduled : HistoryEventType.TaskScheduled, Name, input: effective, resource: task.Resource);
        run.Record(lambda ? HistoryEventType.LambdaFunctionStarted : HistoryEventType.TaskStarted, Name);
        var deadline = Deadline(effective, scope);
        var invocation = new TaskInvocation(task.Resource, payload, Name, run.Execution.Arn, deadline ?? DateTimeOffset.MaxValue);
        JsonValue result;
        try
        {
            var pending = handler.InvokeAsync(invocation, run.Cancellation);
            result = pending.IsCompletedSuccessfully || deadline is null
                ? await pending.ConfigureAwait(false)
                : await WithTimeoutAsync(pending.AsTask(), deadline.Value, run).ConfigureAwait(false);
        }
        catch (AslRuntimeException e) when (e.Error == StatesErrors.Timeout)
        {
            run.Record(lambda ? HistoryEventType.LambdaFunctionTimedOut : HistoryEventType.TaskTimedOut, Name, error: e.Error, cause: e.Cause);
            throw;
        }
        catch (Exception e) when (e is not OperationCanceledException || !run.Cancellation.IsCancellationRequested)
        {
            var (error, cause) = e switch
            {
                TaskFailedException failed => (failed.Error, failed.Cause),
                AslRuntimeException asl => (asl.Error, asl.Cause),
                _ => (e.GetType().Name, e.Message),
            };
            run.Record(lambda ? HistoryEventType.LambdaFunctionFailed : HistoryEventType.TaskFailed, Name, error: error, cause: cause);
            throw new AslRuntimeException(error, cause);
        }

        if (task.Kind == TaskKind.LambdaInvoke)
        {
            result = TaskRegistry.WrapInvokeResult(result);
        }

        run.Record(lambda ? HistoryEventType.LambdaFunctionSucceeded : HistoryEventType.TaskSucceeded, Name, output: result, resource: task.Resource);
        return result;
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

    private DateTimeOffset? Deadline(JsonValue effective, StateScope scope)
    {
        if (timeoutSeconds is { } seconds)
        {
            return scope.Run.Clock.Now.AddSeconds(seconds);
        }

        if (timeoutSecondsPath is null)
        {
            return null;
        }

        return timeoutSecondsPath.TryGet(effective, out var value) && value is JsonNumber { IsInteger: true, Value: > 0 } n
            ? scope.Run.Clock.Now.AddSeconds(n.Value)
            : throw new AslRuntimeException(StatesErrors.Runtime, $"The TimeoutSecondsPath '{timeoutSecondsPath}' of state '{Name}' does not select a positive whole number.");
    }

    private async Task<JsonValue> WithTimeoutAsync(Task<JsonValue> pending, DateTimeOffset deadline, ExecutionRun run)
    {
        using var cancelTimer = CancellationTokenSource.CreateLinkedTokenSource(run.Cancellation);
        var timer = run.Clock.WhenReachedAsync(deadline, cancelTimer.Token);
        var first = await Task.WhenAny(pending, timer).ConfigureAwait(false);
        if (first == pending)
        {
            await cancelTimer.CancelAsync().ConfigureAwait(false);
            return await pending.ConfigureAwait(false);
        }

        run.Cancellation.ThrowIfCancellationRequested();
        throw new AslRuntimeException(StatesErrors.Timeout, $"State '{Name}' did not finish within its timeout.");
    }
}
