using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ContinuousImprovement.Asl.Definition;
using ContinuousImprovement.Asl.Json;
using ContinuousImprovement.Asl.States;
using ContinuousImprovement.Asl.Tasks;

namespace ContinuousImprovement.Asl.Runtime;

/// <summary>A loaded, validated state machine: every path, template and resource resolved once.</summary>
public sealed partial class StateMachine
{
    private StateMachine(string name, string arn, string roleArn, Program program, double? timeoutSeconds)
    {
        Name = name;
        Arn = arn;
        RoleArn = roleArn;
        Program = program;
        TimeoutSeconds = timeoutSeconds;
    }

    public string Name { get; }

    public string Arn { get; }

    public string RoleArn { get; }

    /// <summary>The machine's own TimeoutSeconds: an execution running longer ends TimedOut.</summary>
    public double? TimeoutSeconds { get; }

    internal Program Program { get; }

    /// <summary>
    /// Loads a definition as CDK deploys it: <c>${Name}</c> placeholders are replaced from
    /// <paramref name="substitutions"/> (CDK's DefinitionSubstitutions) before the JSON is read.
    /// </summary>
    /// <exception cref="AslDefinitionException">The definition is not valid JSON, not valid ASL, or names a resource the registry cannot run.</exception>
    public static StateMachine Load(string definition, string name, TaskRegistry registry, IReadOnlyDictionary<string, string>? substitutions = null, string region = "us-east-1", string account = "123456789012")
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(registry);
        var text = Substitute(definition, substitutions ?? new Dictionary<string, string>());
        JsonValue root;
        try
        {
            root = JsonValue.Parse(text);
        }
        catch (JsonException e)
        {
            throw new AslDefinitionException([$"the definition is not valid JSON: {e.Message}"]);
        }

        if (root is not JsonObject obj)
        {
            throw new AslDefinitionException(["the definition must be a JSON object"]);
        }

        var problems = DuplicateFields.Find(text);
        var leftover = Placeholder().Matches(text).Select(m => m.Value).Distinct().ToList();
        if (leftover.Count > 0)
        {
            problems.Add($"placeholders without a substitution: {string.Join(", ", leftover)}");
        }

        var reader = new FieldReader(obj, "definition", problems);
        var timeout = reader.Number("TimeoutSeconds", 1, 99999999, integer: true);
        var program = Program.Read(reader, new LoadContext(registry, problems));
        reader.RejectUnknownFields();
        if (problems.Count > 0 || program is null)
        {
            throw new AslDefinitionException(problems);
        }

        return new StateMachine(
            name,
            $"arn:aws:states:{region}:{account}:stateMachine:{name}",
            $"arn:aws:iam::{account}:role/{name}-role",
            program,
            timeout);
    }

    private static string Substitute(string definition, IReadOnlyDictionary<string, string> substitutions)
    {
        if (substitutions.Count == 0)
        {
            return definition;
        }

        var builder = new StringBuilder(definition);
        foreach (var (key, value) in substitutions)
        {
            // Placeholders sit inside JSON strings, so the value is inserted JSON-escaped.
            var escaped = JsonSerializer.Serialize(value, AslJsonContext.Default.String)[1..^1];
            builder.Replace("${" + key + "}", escaped);
        }

        return builder.ToString();
    }

    [GeneratedRegex(@"\$\{[A-Za-z0-9_]+\}")]
    private static partial Regex Placeholder();
}

[System.Text.Json.Serialization.JsonSerializable(typeof(string))]
internal sealed partial class AslJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
