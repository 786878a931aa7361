using System.Text.Json;
using ContinuousImprovement.Asl.Json;

namespace ContinuousImprovement.Asl.Tasks;

/// <summary>
/// A task whose code speaks JSON text (UTF-8), as a Lambda function does: the effective input is written out,
/// the function's answer is parsed back. An answer that is not JSON fails the task with a clear cause naming
/// the state, never the engine.
/// </summary>
public sealed class JsonTextTaskHandler(Func<ReadOnlyMemory<byte>, CancellationToken, ValueTask<ReadOnlyMemory<byte>>> function) : ITaskHandler
{
    public async ValueTask<TaskResult> InvokeAsync(TaskInvocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var input = System.Text.Encoding.UTF8.GetBytes(invocation.Input.ToJson());
        var output = await function(input, cancellationToken).ConfigureAwait(false);
        try
        {
            return JsonValue.Parse(output.Span);
        }
        catch (JsonException e)
        {
            var text = System.Text.Encoding.UTF8.GetString(output.Span[..Math.Min(output.Length, 200)]);
            return TaskResult.Failure(StatesErrors.Runtime, $"The task of state '{invocation.StateName}' returned output that is not JSON ({e.Message}): '{text}'");
        }
    }
}
