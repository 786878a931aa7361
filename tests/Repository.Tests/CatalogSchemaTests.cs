using System.Text.Json;
using Json.Schema;

namespace ContinuousImprovement.Repository.Tests;

public sealed class CatalogSchemaTests
{
    [Fact]
    public void The_catalog_conforms_to_its_json_schema()
    {
        var results = Evaluate("catalog.schema.json", File.ReadAllText(RepositoryRoot.File("parameters", "catalog.json")));

        Assert.True(results.IsValid, Describe(results));
    }

    [Theory]
    [InlineData("\"type\": \"boolean\"", "\"type\": \"bool\"")]
    [InlineData("\"minimum\": 5,", "")]
    [InlineData("\"group\": \"training\",", "\"group\": \"training\", \"colour\": \"red\",")]
    [InlineData("\"prefix\": \"/ContinuousImprovement/\"", "\"prefix\": \"ContinuousImprovement\"")]
    public void The_schema_rejects_a_broken_catalog(string find, string replace)
    {
        var text = File.ReadAllText(RepositoryRoot.File("parameters", "catalog.json"));
        Assert.Contains(find, text, StringComparison.Ordinal);

        Assert.False(Evaluate("catalog.schema.json", ReplaceFirst(text, find, replace)).IsValid);
    }

    // Schemas register globally under their $id, so each file is loaded once per test run.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, JsonSchema> Schemas = new();

    internal static EvaluationResults Evaluate(string schemaFile, string json)
    {
        var schema = Schemas.GetOrAdd(schemaFile, file => JsonSchema.FromText(File.ReadAllText(RepositoryRoot.File("parameters", file))));
        using var document = JsonDocument.Parse(json);
        return schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
    }

    internal static string Describe(EvaluationResults results) =>
        string.Join("\n", (results.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")));

    private static string ReplaceFirst(string text, string find, string replace)
    {
        var at = text.IndexOf(find, StringComparison.Ordinal);
        return string.Concat(text.AsSpan(0, at), replace, text.AsSpan(at + find.Length));
    }
}
