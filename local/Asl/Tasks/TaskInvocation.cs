using ContinuousImprovement.Asl.Json;

namespace ContinuousImprovement.Asl.Tasks;

/// <summary>One call of a task: its effective input (after InputPath and Parameters) and where it runs.</summary>
public sealed record TaskInvocation(string Resource, JsonValue Input, string StateName, string ExecutionArn, DateTimeOffset Deadline)
{
    /// <summary>
    /// Set when the state has HeartbeatSeconds: a long-running task calls <see cref="TaskHeartbeat.Beat"/> to
    /// show it is alive (SendTaskHeartbeat); silence longer than the interval fails it with States.HeartbeatTimeout.
    /// </summary>
    public TaskHeartbeat? Heartbeat { get; init; }

    /// <summary>Where <see cref="Submitted"/> reports; the engine sets it to record the TaskSubmitted event.</summary>
    internal Action<JsonValue>? OnSubmitted { get; init; }

    /// <summary>
    /// A <c>.sync</c> integration has started its job (e.g. the child execution) and now waits for it: the start
    /// response goes into the history as TaskSubmitted, as Step Functions records it.
    /// </summary>
    public void Submitted(JsonValue response)
    {
        ArgumentNullException.ThrowIfNull(response);
        OnSubmitted?.Invoke(response);
    }
}
