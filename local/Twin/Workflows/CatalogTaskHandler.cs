using ContinuousImprovement.Asl.Json;
using ContinuousImprovement.Asl.Tasks;
using ContinuousImprovement.Handlers.Invocation;

namespace ContinuousImprovement.Local.Twin.Workflows;

/// <summary>
/// A catalog handler as the engine runs a Lambda function: the effective input as JSON text in, the answer
/// parsed back; a handler failure (<c>Port.Throttled</c>, <c>Handler.InvalidInput</c>…) becomes the task's
/// failure with the same error name and cause, so Retry and Catch match it as on AWS.
/// </summary>
public sealed class CatalogTaskHandler(HandlerEntry entry) : ITaskHandler
{
    public async ValueTask<TaskResult> InvokeAsync(TaskInvocation invocation, CancellationToken cancellationToken)
    {
        var result = await entry.InvokeAsync(System.Text.Encoding.UTF8.GetBytes(invocation.Input.ToJson()), cancellationToken).ConfigureAwait(false);
        return result.Error is { } error
            ? TaskResult.Failure(error.Name, error.Cause)
            : JsonValue.Parse(result.Output.Span);
    }

    /// <summary>
    /// Registers the workflow's functions and returns the substitutions that point its placeholders at them;
    /// <paramref name="decorate"/> may wrap each function's task, given the handler's name (tests watch what it calls).
    /// </summary>
    public static IReadOnlyDictionary<string, string> Register(TaskRegistry registry, HandlerCatalog catalog, IReadOnlyDictionary<string, string> functions, Func<string, ITaskHandler, ITaskHandler>? decorate = null)
    {
        var substitutions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (placeholder, name) in functions)
        {
            var arn = $"arn:aws:lambda:us-east-1:123456789012:function:{name}";
            var task = new CatalogTaskHandler(catalog[name]);
            registry.AddFunction(arn, decorate is null ? task : decorate(name, task));
            substitutions[placeholder] = arn;
        }

        return substitutions;
    }
}
