using ContinuousImprovement.Asl.Runtime;
using ContinuousImprovement.Asl.Json;
using ContinuousImprovement.Asl.Tasks;

namespace ContinuousImprovement.Asl.Tests.Conformance;

/// <summary>
/// One case of <c>tests/Asl.Conformance/cases</c> (format in its README): a definition, an input, scripted task
/// outcomes by state name, and what AWS Step Functions gives.
/// </summary>
internal sealed record ConformanceCase(string Id, JsonObject Document)
{
    public static readonly string Folder = RepositoryFiles.Path("tests", "Asl.Conformance", "cases");

    public static IEnumerable<string> Ids() =>
        Directory.EnumerateFiles(Folder, "*.json", SearchOption.AllDirectories)
            .Select(f => System.IO.Path.GetRelativePath(Folder, f)[..^".json".Length].Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    public static ConformanceCase Load(string id) =>
        new(id, (JsonObject)JsonValue.Parse(File.ReadAllText(System.IO.Path.Combine(Folder, id + ".json"))));

    public JsonObject Expected => (JsonObject)Document["expected"]!;

    public bool ReferenceAgrees => Document["reference"] is JsonString { Value: "agrees" };

    /// <summary>Runs the case on our engine, on virtual time so Waits and retry intervals take no real time.</summary>
    public async Task<JsonObject> RunAsync()
    {
        var definition = Document["definition"]!.ToJson();
        var registry = new TaskRegistry();
        var script = new TaskScript(Document["tasks"] as JsonObject ?? JsonObject.Empty);
        foreach (var resource in Resources(Document["definition"]!).Distinct())
        {
            registry.AddResource(resource, script);
        }

        var engine = new AslEngine(new AslEngineOptions { Clock = new VirtualClock() });
        var machine = StateMachine.Load(definition, "Conformance", registry);
        var name = (Document["context"] as JsonObject)?["Execution"] is JsonObject execution && execution["Name"] is JsonString n ? n.Value : null;
        var result = await engine.RunAsync(machine, Document["input"] ?? JsonObject.Empty, name);
        return result.Status == ExecutionStatus.Succeeded
            ? new JsonObject.Builder().Set("status", JsonValue.From("SUCCEEDED")).Set("output", result.Output!).Build()
            : new JsonObject.Builder().Set("status", JsonValue.From("FAILED")).Set("error", JsonValue.From(result.Error)).Set("cause", JsonValue.From(result.Cause)).Build();
    }

    /// <summary>Whether a result is what the case expects: status, output or error, and cause when the case gives one.</summary>
    public bool Matches(JsonObject result) =>
        result["status"] == Expected["status"]
        && (Expected["status"] is JsonString { Value: "SUCCEEDED" }
            ? result["output"] == Expected["output"]
            : result["error"] == Expected["error"] && (Expected["cause"] is null || result["cause"] == Expected["cause"]));

    private static IEnumerable<string> Resources(JsonValue value) => value switch
    {
        JsonObject obj => (obj["Type"] is JsonString { Value: "Task" } && obj["Resource"] is JsonString resource ? [resource.Value] : Array.Empty<string>())
            .Concat(obj.SelectMany(member => Resources(member.Value))),
        JsonArray array => array.SelectMany(Resources),
        _ => [],
    };

    /// <summary>Task outcomes by state name, one per call, the last one repeating.</summary>
    private sealed class TaskScript(JsonObject outcomes) : ITaskHandler
    {
        private readonly Dictionary<string, int> calls = new(StringComparer.Ordinal);
        private readonly Lock gate = new();

        public ValueTask<TaskResult> InvokeAsync(TaskInvocation invocation, CancellationToken cancellationToken)
        {
            if (outcomes[invocation.StateName] is not JsonArray { Count: > 0 } list)
            {
                throw new InvalidOperationException($"The case scripts no outcome for Task state '{invocation.StateName}'.");
            }

            int call;
            lock (gate)
            {
                call = calls.GetValueOrDefault(invocation.StateName);
                calls[invocation.StateName] = call + 1;
            }

            var outcome = (JsonObject)list[Math.Min(call, list.Count - 1)];
            if (outcome["throw"] is JsonObject failure)
            {
                throw new TaskFailedException(((JsonString)failure["error"]!).Value, (failure["cause"] as JsonString)?.Value ?? "");
            }

            return ValueTask.FromResult<TaskResult>(outcome["echoInput"] is JsonBoolean { Value: true } ? invocation.Input : outcome["return"]!);
        }
    }
}
