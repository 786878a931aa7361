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
        runOnce = RunOnceAsync;
    }

    public override HistoryEventType EnteredEvent => HistoryEventType.TaskStateEntered;

    public override HistoryEventType? ExitedEvent => HistoryEventType.TaskStateExited;

    public override IEnumerable<string> Transitions => base.Transitions.Concat(errors.Transitions);

    public override ValueTask<StateOutcome> RunAsync(JsonValue input, StateScope scope) => errors.RunAsync(input, scope, runOnce);

    private async ValueTask<StateOutcome> RunOnceAsync(JsonValue input, StateScope scope)
    {
        var effective = io.EffectiveInput(input, scope);
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
        var lambda = task!.Kind != TaskKind.Resource;
        var (handler, payload) = Target(effective, scope);
        run.Record(lambda ? HistoryEventType.LambdaFunctionScheduled : HistoryEventType.TaskScheduled, Name, input: effective, resource: task.Resource);
        run.Record(lambda ? HistoryEventType.LambdaFunctionStarted : HistoryEventType.TaskStarted, Name);
        var deadline = Deadline(effective, scope);
        var invocation = new TaskInvocation(task.Resource, payload, Name, run.Execution.Arn, deadline ?? DateTimeOffset.MaxValue);
        TaskResult result;
        try
        {
            var pending = handler.InvokeAsync(invocation, run.Cancellation);
            result = pending.IsCompletedSuccessfully || deadline is null
                ? await pending.ConfigureAwait(false)
                : await WithTimeoutAsync(pending.AsTask(), deadline.Value, run).ConfigureAwait(false);
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
            var timedOut = result.Error == StatesErrors.Timeout;
            run.Record(
                timedOut ? (lambda ? HistoryEventType.LambdaFunctionTimedOut : HistoryEventType.TaskTimedOut) : (lambda ? HistoryEventType.LambdaFunctionFailed : HistoryEventType.TaskFailed),
                Name,
                error: result.Error,
                cause: result.Cause);
            return result;
        }

        var output = task.Kind == TaskKind.LambdaInvoke ? TaskRegistry.WrapInvokeResult(result.Output!) : result.Output!;
        run.Record(lambda ? HistoryEventType.LambdaFunctionSucceeded : HistoryEventType.TaskSucceeded, Name, output: output, resource: task.Resource);
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

    private async Task<TaskResult> WithTimeoutAsync(Task<TaskResult> pending, DateTimeOffset deadline, ExecutionRun run)
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
        return TaskResult.Failure(StatesErrors.Timeout, $"State '{Name}' did not finish within its timeout.");
    }
}
