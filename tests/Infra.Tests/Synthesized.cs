using System.Text.Json;
using Amazon.CDK.Assertions;

namespace ContinuousImprovement.Infra.Tests;

/// <summary>A synthesized stack: the construct, its template for the assertion library, and the same template as JSON.</summary>
public sealed record Synthesized(ContinuousImprovementStack Stack, Template Template, JsonElement Json)
{
    public IEnumerable<(string LogicalId, JsonElement Resource)> Resources(string type) =>
        Json.GetProperty("Resources").EnumerateObject()
            .Where(r => r.Value.GetProperty("Type").GetString() == type)
            .Select(r => (r.Name, r.Value));

    /// <summary>The one resource of a type, by logical id and properties.</summary>
    public (string LogicalId, JsonElement Properties) Single(string type)
    {
        var (id, resource) = Assert.Single(Resources(type));
        return (id, resource.GetProperty("Properties"));
    }

    public JsonElement Properties(string logicalId) => Json.GetProperty("Resources").GetProperty(logicalId).GetProperty("Properties");

    /// <summary>The functions on the AOT bootstrap (not CDK's own, whose runtime is a region lookup).</summary>
    public IEnumerable<(string LogicalId, JsonElement Properties)> HandlerFunctions() =>
        Resources("AWS::Lambda::Function")
            .Select(f => (f.LogicalId, Properties: f.Resource.GetProperty("Properties")))
            .Where(f => f.Properties.GetProperty("Runtime") is { ValueKind: JsonValueKind.String } runtime && runtime.GetString() == "provided.al2023");

    /// <summary>The logical id of the function serving a handler.</summary>
    public string FunctionOf(string handler) =>
        Resources("AWS::Lambda::Function").Single(f => f.Resource.GetProperty("Properties").TryGetProperty("Handler", out var h) && h.GetString() == handler).LogicalId;

    /// <summary>Every statement of every policy (separate policies and roles' inline ones), with the role it is attached to.</summary>
    public IEnumerable<(string Role, JsonElement Statement)> Statements()
    {
        foreach (var (_, policy) in Resources("AWS::IAM::Policy"))
        {
            var properties = policy.GetProperty("Properties");
            var roles = properties.TryGetProperty("Roles", out var r) ? r.EnumerateArray().Select(RefOf).ToList() : ["(none)"];
            foreach (var statement in properties.GetProperty("PolicyDocument").GetProperty("Statement").EnumerateArray())
            {
                foreach (var role in roles)
                {
                    yield return (role, statement);
                }
            }
        }

        foreach (var (id, role) in Resources("AWS::IAM::Role"))
        {
            if (role.GetProperty("Properties").TryGetProperty("Policies", out var inline))
            {
                foreach (var statement in inline.EnumerateArray().SelectMany(p => p.GetProperty("PolicyDocument").GetProperty("Statement").EnumerateArray()))
                {
                    yield return (id, statement);
                }
            }
        }
    }

    /// <summary>The statements of the role a handler's function runs as.</summary>
    public IReadOnlyList<JsonElement> StatementsOf(string handler)
    {
        var role = Properties(FunctionOf(handler)).GetProperty("Role").GetProperty("Fn::GetAtt")[0].GetString();
        return [.. Statements().Where(s => s.Role == role).Select(s => s.Statement)];
    }

    /// <summary>A string or a list of strings of a policy field (Action, Resource) as a list.</summary>
    public static IReadOnlyList<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Array => [.. element.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)],
        JsonValueKind.String => [element.GetString()!],
        _ => [],
    };

    private static string RefOf(JsonElement reference) => reference.GetProperty("Ref").GetString()!;
}
