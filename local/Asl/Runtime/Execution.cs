using ContinuousImprovement.Asl.Json;

namespace ContinuousImprovement.Asl.Runtime;

/// <summary>One run of a state machine, as <c>DescribeExecution</c> and <c>GetExecutionHistory</c> show it.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The stop token source is disposed when the execution finishes; callers never own it.")]
public sealed class Execution
{
    /// <summary>Step Functions' limit: an execution whose history would grow past it fails.</summary>
    public const int MaxHistoryEvents = 25_000;

    private readonly Lock gate = new();
    private readonly List<HistoryEvent>? history;
    private readonly CancellationTokenSource stop = new();
    private readonly TaskCompletionSource<Execution> completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long lastEventId;
    private string? region;

    internal Execution(string arn, string name, string stateMachineArn, JsonValue input, DateTimeOffset startDate, bool keepHistory)
    {
        Arn = arn;
        Name = name;
        StateMachineArn = stateMachineArn;
        Input = input;
        StartDate = startDate;
        // Most executions have a handful of states: one allocation covers their history.
        history = keepHistory ? new List<HistoryEvent>(16) : null;
    }

    public string Arn { get; }

    public string Name { get; }

    public string StateMachineArn { get; }

    public JsonValue Input { get; }

    public DateTimeOffset StartDate { get; }

    public ExecutionStatus Status { get; private set; } = ExecutionStatus.Running;

    public DateTimeOffset? StopDate { get; private set; }

    public JsonValue? Output { get; private set; }

    public string? Error { get; private set; }

    public string? Cause { get; private set; }

    /// <summary>Completes when the execution ends, whatever its status.</summary>
    public Task<Execution> Completion => completion.Task;

    /// <summary>Number of history events so far (counted even when the engine keeps no history).</summary>
    public long EventCount => Interlocked.Read(ref lastEventId);

    internal CancellationToken Stopping => stop.Token;

    /// <summary>A snapshot of the history so far; empty when the engine was told not to keep history.</summary>
    public IReadOnlyList<HistoryEvent> History
    {
        get
        {
            lock (gate)
            {
                return history is null ? [] : [.. history];
            }
        }
    }

    /// <summary>The history as <c>aws stepfunctions get-execution-history</c> prints it: <c>{"events":[…]}</c>.</summary>
    public JsonObject HistoryJson() =>
        new JsonObject.Builder(1).Set("events", new JsonArray(History.Select(e => (JsonValue)e.ToJson()).ToArray())).Build();

    /// <summary>The execution as <c>aws stepfunctions describe-execution</c> prints it.</summary>
    public JsonObject DescribeJson()
    {
        var builder = new JsonObject.Builder(10)
            .Set("executionArn", JsonValue.From(Arn))
            .Set("stateMachineArn", JsonValue.From(StateMachineArn))
            .Set("name", JsonValue.From(Name))
            .Set("status", JsonValue.From(Status switch
            {
                ExecutionStatus.TimedOut => "TIMED_OUT",
                var other => other.ToString().ToUpperInvariant(),
            }))
            .Set("startDate", JsonValue.From(Timestamps.Format(StartDate)))
            .Set("input", JsonValue.From(Input.ToJson()));
        if (StopDate is { } stopped)
        {
            builder.Set("stopDate", JsonValue.From(Timestamps.Format(stopped)));
        }

        if (Output is not null)
        {
            builder.Set("output", JsonValue.From(Output.ToJson()));
        }

        if (Error is not null)
        {
            builder.Set("error", JsonValue.From(Error));
        }

        if (Cause is not null)
        {
            builder.Set("cause", JsonValue.From(Cause));
        }

        return builder.Build();
    }

    /// <summary>Stops a running execution (StopExecution): it ends Aborted with the given error and cause.</summary>
    public void Stop(string? error = null, string? cause = null)
    {
        lock (gate)
        {
            if (Status != ExecutionStatus.Running || stop.IsCancellationRequested)
            {
                return;
            }

            Error = error;
            Cause = cause;
        }

        stop.Cancel();
    }

    /// <summary>The region in the execution's ARN (<c>arn:aws:states:&lt;region&gt;:…</c>), as task events report it.</summary>
    internal string Region => region ??= Arn.Split(':') is { Length: > 3 } parts && parts[3].Length > 0 ? parts[3] : "us-east-1";

    internal void Record(HistoryEventType type, DateTimeOffset timestamp, string? stateName = null, JsonValue? input = null, JsonValue? output = null, string? resource = null, string? error = null, string? cause = null, int? index = null, Tasks.TaskEventTarget? task = null)
    {
        var final = type is HistoryEventType.ExecutionSucceeded or HistoryEventType.ExecutionFailed or HistoryEventType.ExecutionAborted or HistoryEventType.ExecutionTimedOut;
        long id;
        lock (gate)
        {
            id = ++lastEventId;
            history?.Add(new HistoryEvent(id, timestamp.UtcTicks, type, stateName, input, output, resource, error, cause, index, task));
        }

        if (id > MaxHistoryEvents && !final)
        {
            throw new AslRuntimeException(StatesErrors.Runtime, $"The execution reached Step Functions' limit of {MaxHistoryEvents} history events.");
        }
    }

    internal void Finish(ExecutionStatus status, DateTimeOffset at, JsonValue? output, string? error, string? cause)
    {
        lock (gate)
        {
            Status = status;
            StopDate = at;
            Output = output;
            if (status != ExecutionStatus.Aborted || Error is null)
            {
                Error = error;
                Cause = cause;
            }
        }

        stop.Dispose();
        completion.TrySetResult(this);
    }
}
