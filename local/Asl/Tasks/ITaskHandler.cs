using ContinuousImprovement.Asl.Json;

namespace ContinuousImprovement.Asl.Tasks;

/// <summary>
/// What a Task state's resource does when the engine runs it locally: a Lambda function, an SDK
/// integration, or an optimized integration mapped to a port of the twin.
/// </summary>
public interface ITaskHandler
{
    /// <summary>
    /// Runs the task. A failure is returned as <see cref="TaskResult.Failure"/> (or thrown as
    /// <see cref="TaskFailedException"/>); any other exception fails the task with the exception's type name
    /// as the error, as Lambda reports an unhandled exception.
    /// </summary>
    ValueTask<TaskResult> InvokeAsync(TaskInvocation invocation, CancellationToken cancellationToken);
}

/// <summary>A task handler from a delegate, for tests and simple integrations.</summary>
public sealed class DelegateTaskHandler(Func<TaskInvocation, CancellationToken, ValueTask<TaskResult>> invoke) : ITaskHandler
{
    public static DelegateTaskHandler Sync(Func<JsonValue, TaskResult> invoke) =>
        new((invocation, _) => ValueTask.FromResult(invoke(invocation.Input)));

    public ValueTask<TaskResult> InvokeAsync(TaskInvocation invocation, CancellationToken cancellationToken) => invoke(invocation, cancellationToken);
}
