using ContinuousImprovement.Asl.Json;
using ContinuousImprovement.Asl.Runtime;

namespace ContinuousImprovement.Asl.Tasks;

/// <summary>
/// Records one task invocation's events as Step Functions does: a Lambda function ARN as Resource gives
/// LambdaFunctionScheduled/Started/Succeeded/Failed/TimedOut; every service integration (<c>lambda:invoke</c>,
/// <c>sns:publish</c>, <c>aws-sdk:…</c>, <c>states:startExecution[.sync]</c>) gives TaskScheduled/Started/
/// [Submitted]/Succeeded/Failed/TimedOut with the service and action named.
/// </summary>
internal sealed class TaskEvents
{
    private readonly ExecutionRun run;
    private readonly string stateName;
    private readonly TaskEventTarget? target;
    private readonly TaskEventTarget? scheduled;

    public TaskEvents(ExecutionRun run, string stateName, ResolvedTask task, double? timeoutSeconds, double? heartbeatSeconds)
    {
        this.run = run;
        this.stateName = stateName;
        Resource = task.Resource;
        var lambda = task.Kind == TaskKind.Function;
        var timeout = timeoutSeconds is { } t ? (long)t : (long?)null;
        var heartbeat = heartbeatSeconds is { } h ? (long)h : (long?)null;
        if (lambda)
        {
            // A plain function's events name no service; only its scheduled event carries the timeout.
            scheduled = timeout is null ? null : new TaskEventTarget("lambda", task.Resource, run.Execution.Region, timeout);
        }
        else
        {
            target = TaskEventTarget.Of(task.Resource, run.Execution.Region);
            scheduled = timeout is null && heartbeat is null ? target : target with { TimeoutInSeconds = timeout, HeartbeatInSeconds = heartbeat };
        }
    }

    private string Resource { get; }

    private bool IsLambda => target is null;

    public void Scheduled(JsonValue parameters)
    {
        if (IsLambda)
        {
            run.Execution.Record(HistoryEventType.LambdaFunctionScheduled, run.Clock.Now, stateName, input: parameters, resource: Resource, task: scheduled);
        }
        else
        {
            run.Execution.Record(HistoryEventType.TaskScheduled, run.Clock.Now, stateName, input: parameters, task: scheduled);
        }
    }

    public void Started() =>
        run.Execution.Record(IsLambda ? HistoryEventType.LambdaFunctionStarted : HistoryEventType.TaskStarted, run.Clock.Now, stateName, task: target);

    /// <summary>A <c>.sync</c> task's start response; a plain function has no such event.</summary>
    public void Submitted(JsonValue response)
    {
        if (!IsLambda)
        {
            run.Execution.Record(HistoryEventType.TaskSubmitted, run.Clock.Now, stateName, output: response, task: target);
        }
    }

    public void Succeeded(JsonValue output) =>
        run.Execution.Record(IsLambda ? HistoryEventType.LambdaFunctionSucceeded : HistoryEventType.TaskSucceeded, run.Clock.Now, stateName, output: output, task: target);

    /// <summary>A failure; the task's own timeout and a missed heartbeat are recorded as timed out, as AWS records them.</summary>
    public void Failed(string error, string cause)
    {
        var timedOut = error is StatesErrors.Timeout or StatesErrors.HeartbeatTimeout;
        var type = (IsLambda, timedOut) switch
        {
            (true, true) => HistoryEventType.LambdaFunctionTimedOut,
            (true, false) => HistoryEventType.LambdaFunctionFailed,
            (false, true) => HistoryEventType.TaskTimedOut,
            (false, false) => HistoryEventType.TaskFailed,
        };
        run.Execution.Record(type, run.Clock.Now, stateName, error: error, cause: cause, task: target);
    }
}
