using ContinuousImprovement.Asl.Json;

namespace ContinuousImprovement.Asl.Tasks;

/// <summary>
/// What a Task state's resource does when the engine runs it locally: a Lambda function, an SDK
/// integration, or an optimized integration mapped to a port of the twin.
/// </summary>
public interface ITaskHandler
{
    /// <summary>
    /// Runs the task. Throw <see cref="TaskFailedException"/> to fail it with an error name Retry and Catch can
    /// match; any other exception fails it with the exception's type name as the error, as Lambda reports it.
    /// </summary>
    ValueTask<JsonValue> InvokeAsync(TaskInvocation invocation, CancellationToken cancellationToken);
}

/// <summary>A task handler from a delegate, for tests and simple integrations.</summary>
public sealed class DelegateTaskHandler(Func<TaskInvocation, CancellationToken, ValueTask<JsonValue>> invoke) : ITaskHandler
{
    public static DelegateTaskHandler Sync(Func<JsonValue, JsonValue> invoke) =>
        new((invocation, _) => ValueTask.FromResult(invoke(invocation.Input)));

    public ValueTask<JsonValue> InvokeAsync(TaskInvocation invocation, CancellationToken cancellationToken) => invoke(invocation, cancellationToken);
}
