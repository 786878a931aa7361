using System.Text.RegularExpressions;
using ContinuousImprovement.Handlers.Detection;
using ContinuousImprovement.Handlers.Invocation;
using ContinuousImprovement.Handlers.ParameterApply;
using ContinuousImprovement.Handlers.ReviewFiling;
using ContinuousImprovement.Workflows.Tests.Twin;

namespace ContinuousImprovement.Workflows.Tests.ReviewFiling;

public sealed partial class WorkflowFunctionsTests
{
    public static TheoryData<string> Definitions() => new(ReviewFilingWorkflow.DefinitionFile, ParameterApplyWorkflow.DefinitionFile);

    [Theory]
    [MemberData(nameof(Definitions))]
    public async Task Every_placeholder_of_the_definition_names_a_function_the_catalog_serves(string definitionFile)
    {
        using var twin = await ParameterApplyTwinStart();
        var catalog = new HandlerCatalog(twin.Ports);
        var functions = Functions(definitionFile);
        var definition = await File.ReadAllTextAsync(RepositoryPaths.InRepository(definitionFile));

        var placeholders = Placeholder().Matches(definition).Select(m => m.Groups[1].Value).Distinct().Order(StringComparer.Ordinal);

        Assert.Equal(functions.Keys.Order(StringComparer.Ordinal), placeholders);
        Assert.All(functions.Values, name => Assert.True(catalog.TryGet(name, out _), name));
    }

    [Fact]
    public async Task Every_handler_of_these_workflows_is_used_by_one_of_their_definitions()
    {
        using var twin = await ParameterApplyTwinStart();
        var used = new[] { DetectionWorkflow.Functions, ReviewFilingWorkflow.Functions, ParameterApplyWorkflow.Functions }.SelectMany(f => f.Values).ToHashSet(StringComparer.Ordinal);
        var ours = new HandlerCatalog(twin.Ports).Names.Where(n => n.StartsWith("review-filing-", StringComparison.Ordinal) || n.StartsWith("parameter-apply-", StringComparison.Ordinal));

        Assert.All(ours, name => Assert.Contains(name, used));
        Assert.Equal(9, ours.Count());
    }

    private static IReadOnlyDictionary<string, string> Functions(string definitionFile) =>
        definitionFile == ReviewFilingWorkflow.DefinitionFile ? ReviewFilingWorkflow.Functions : ParameterApplyWorkflow.Functions;

    private static Task<ParameterApply.ParameterApplyTwin> ParameterApplyTwinStart() => ParameterApply.ParameterApplyTwin.StartAsync();

    [GeneratedRegex(@"\$\{([A-Za-z]+)\}")]
    private static partial Regex Placeholder();
}
