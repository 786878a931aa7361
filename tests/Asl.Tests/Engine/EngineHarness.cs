using ContinuousImprovement.Asl.Runtime;
using ContinuousImprovement.Asl.Json;
using ContinuousImprovement.Asl.Tasks;

namespace ContinuousImprovement.Asl.Tests.Engine;

/// <summary>An engine on virtual time with a registry the test fills; runs a definition given as JSON text.</summary>
internal sealed partial class EngineHarness
{
    public VirtualClock Clock { get; } = new(new DateTimeOffset(2026, 11, 26, 0, 0, 0, TimeSpan.Zero));

    public TaskRegistry Registry { get; } = new();

    public AslEngine Engine => engine ??= new AslEngine(new AslEngineOptions { Clock = Clock });

    private AslEngine? engine;

    public EngineHarness Function(string name, Func<JsonValue, TaskResult> body)
    {
        Registry.AddFunction($"arn:aws:lambda:us-east-1:123456789012:function:{name}", DelegateTaskHandler.Sync(body));
        return this;
    }

    /// <summary>Loads a definition; <c>@fn(Name)</c> stands for the ARN of the function registered as Name.</summary>
    public StateMachine Load(string definition, IReadOnlyDictionary<string, string>? substitutions = null) =>
        StateMachine.Load(FunctionToken().Replace(definition, m => Fn(m.Groups[1].Value)), "Test", Registry, substitutions);

    [System.Text.RegularExpressions.GeneratedRegex(@"@fn\((\w+)\)")]
    private static partial System.Text.RegularExpressions.Regex FunctionToken();

    public Task<Execution> RunAsync(string definition, string input = "{}") =>
        Engine.RunAsync(Load(definition), JsonValue.Parse(input));

    public static string Fn(string name) => $"arn:aws:lambda:us-east-1:123456789012:function:{name}";
}
