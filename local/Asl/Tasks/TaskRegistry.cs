using ContinuousImprovement.Asl.Json;

namespace ContinuousImprovement.Asl.Tasks;

/// <summary>
/// Resolves Task resources to handlers, as Step Functions resolves them to services: a Lambda function ARN
/// runs the function with the effective input; <c>arn:aws:states:::lambda:invoke</c> runs the function named
/// by <c>FunctionName</c> with <c>Payload</c> and wraps the result as the Lambda API returns it; any other
/// resource (SDK and optimized integrations, activities) is looked up exactly.
/// </summary>
public sealed class TaskRegistry
{
    public const string LambdaInvoke = "arn:aws:states:::lambda:invoke";

    private readonly Dictionary<string, ITaskHandler> functions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ITaskHandler> resources = new(StringComparer.Ordinal);

    /// <summary>Registers a Lambda function under its ARN and under its plain name.</summary>
    public TaskRegistry AddFunction(string functionArnOrName, ITaskHandler handler)
    {
        ArgumentNullException.ThrowIfNull(functionArnOrName);
        ArgumentNullException.ThrowIfNull(handler);
        functions[functionArnOrName] = handler;
        functions[FunctionName(functionArnOrName)] = handler;
        return this;
    }

    /// <summary>Registers any other resource (e.g. <c>arn:aws:states:::sns:publish</c>) exactly as written.</summary>
    public TaskRegistry AddResource(string resource, ITaskHandler handler)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(handler);
        resources[resource] = handler;
        return this;
    }

    /// <summary>
    /// Registers an AWS SDK integration, <c>arn:aws:states:::aws-sdk:&lt;service&gt;:&lt;action&gt;</c>, e.g.
    /// (<c>ssm</c>, <c>getParameter</c>). The call gets the state's effective input (the API's request in
    /// PascalCase) and returns the API's response; an <see cref="AwsSdkException"/> it throws fails the task as
    /// Step Functions names SDK errors: <paramref name="errorPrefix"/> (default: the service name with a capital
    /// first letter, e.g. <c>Ssm</c>) + "." + the exception name, e.g. <c>Ssm.ParameterNotFoundException</c>.
    /// </summary>
    public TaskRegistry AddAwsSdk(string service, string action, AwsSdkCall call, string? errorPrefix = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(service);
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        ArgumentNullException.ThrowIfNull(call);
        return AddResource(AwsSdkTaskHandler.Resource(service, action), new AwsSdkTaskHandler(errorPrefix ?? AwsSdkTaskHandler.ErrorPrefix(service), call));
    }

    /// <summary>
    /// The handler for a Task state's resource, or why there is none. Checked when a definition loads, so an unknown
    /// resource is a load error and never a surprise in the middle of an execution. The state's
    /// <paramref name="parameters"/> (null when it has none) are checked where they decide what runs: <c>lambda:invoke</c>
    /// needs a <c>FunctionName</c> that is a registered function (a <c>FunctionName.$</c> is only known when the state
    /// runs, so it is checked then).
    /// </summary>
    public bool TryResolve(string resource, JsonObject? parameters, out ResolvedTask task, out string error)
    {
        ArgumentNullException.ThrowIfNull(resource);
        error = "";
        if (resource == LambdaInvoke)
        {
            task = new ResolvedTask(resource, null, TaskKind.LambdaInvoke);
            return CheckFunctionName(parameters, out error);
        }

        if (resource == LambdaInvoke + ".sync")
        {
            // Step Functions has no such form: lambda:invoke already waits for the function's answer.
            task = null!;
            error = "lambda:invoke has no .sync form (it already waits for the function's answer); use arn:aws:states:::lambda:invoke";
            return false;
        }

        if (resources.TryGetValue(resource, out var handler))
        {
            task = new ResolvedTask(resource, handler, TaskKind.Resource);
            if (handler is IParameterChecked checkedHandler && checkedHandler.WhyRefused(parameters) is { } refused)
            {
                error = refused;
                return false;
            }

            return true;
        }

        task = null!;
        if (resource.StartsWith("arn:aws:lambda:", StringComparison.Ordinal) || !resource.StartsWith("arn:", StringComparison.Ordinal))
        {
            if (TryGetFunction(resource, out handler))
            {
                task = new ResolvedTask(resource, handler, TaskKind.Function);
                return true;
            }

            error = $"no local function is registered for '{resource}'";
            return false;
        }

        if (resource.StartsWith(AwsSdkTaskHandler.Prefix, StringComparison.Ordinal))
        {
            var registered = resources.Keys.Where(r => r.StartsWith(AwsSdkTaskHandler.Prefix, StringComparison.Ordinal)).Select(r => r[AwsSdkTaskHandler.Prefix.Length..]).Order(StringComparer.Ordinal).ToList();
            error = $"no local handler is registered for the AWS SDK action '{resource[AwsSdkTaskHandler.Prefix.Length..]}' (resource '{resource}'); registered: {(registered.Count == 0 ? "none" : string.Join(", ", registered))}";
            return false;
        }

        error = $"no local handler is registered for resource '{resource}'";
        return false;
    }

    private bool CheckFunctionName(JsonObject? parameters, out string error)
    {
        error = "";
        if (parameters is null)
        {
            error = "lambda:invoke needs Parameters naming the function (FunctionName or FunctionName.$)";
            return false;
        }

        if (parameters.ContainsKey("FunctionName.$"))
        {
            return true;
        }

        switch (parameters["FunctionName"])
        {
            case null:
                error = "lambda:invoke needs a FunctionName (or FunctionName.$) in its Parameters";
                return false;
            case JsonString name when !TryGetFunction(name.Value, out _):
                error = $"lambda:invoke names FunctionName '{name.Value}', and no local function is registered under that name or ARN";
                return false;
            case JsonString:
                return true;
            default:
                error = "the FunctionName of lambda:invoke must be a string";
                return false;
        }
    }

    internal bool TryGetFunction(string nameOrArn, out ITaskHandler handler) =>
        functions.TryGetValue(nameOrArn, out handler!) || functions.TryGetValue(FunctionName(nameOrArn), out handler!);

    /// <summary>
    /// The function name in an ARN (<c>arn:aws:lambda:region:account:function:name[:qualifier]</c>) or in a name with a
    /// version or alias (<c>name:qualifier</c>), or the text itself.
    /// </summary>
    public static string FunctionName(string arnOrName)
    {
        const string Marker = ":function:";
        var at = arnOrName.IndexOf(Marker, StringComparison.Ordinal);
        if (at < 0)
        {
            // A plain name may carry a version or alias ("my-function:live"), as Lambda's Invoke accepts.
            var colon = arnOrName.StartsWith("arn:", StringComparison.Ordinal) ? -1 : arnOrName.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 ? arnOrName : arnOrName[..colon];
        }

        var name = arnOrName[(at + Marker.Length)..];
        var qualifier = name.IndexOf(':', StringComparison.Ordinal);
        return qualifier < 0 ? name : name[..qualifier];
    }

    /// <summary>The Lambda Invoke API's response shape that <c>lambda:invoke</c> returns to the state machine.</summary>
    internal static JsonValue WrapInvokeResult(JsonValue payload) =>
        new JsonObject.Builder(5)
            .Set("ExecutedVersion", JsonValue.From("$LATEST"))
            .Set("Payload", payload)
            .Set("SdkHttpMetadata", new JsonObject.Builder(2).Set("HttpStatusCode", JsonValue.From(200)).Build())
            .Set("SdkResponseMetadata", new JsonObject.Builder(1).Set("RequestId", JsonValue.From("local")).Build())
            .Set("StatusCode", JsonValue.From(200))
            .Build();
}

/// <summary>How a Task resource is run.</summary>
public enum TaskKind
{
    /// <summary>A Lambda function named directly by its ARN.</summary>
    Function,

    /// <summary><c>arn:aws:states:::lambda:invoke</c>: FunctionName and Payload in the input, result wrapped.</summary>
    LambdaInvoke,

    /// <summary>Any other registered resource.</summary>
    Resource,
}

/// <summary>A Task resource resolved at load time.</summary>
public sealed record ResolvedTask(string Resource, ITaskHandler? Handler, TaskKind Kind);
