using System.Text.RegularExpressions;
using ContinuousImprovement.Handlers.Invocation;
using ContinuousImprovement.Handlers.OperationsDigest;
using ContinuousImprovement.Workflows.Tests.Twin;

namespace ContinuousImprovement.Workflows.Tests.OperationsDigest;

public sealed partial class OperationsDigestDefinitionTests
{
    [Fact]
    public async Task Every_placeholder_of_the_definition_names_a_function_the_catalog_serves()
    {
        using var twin = await OperationsTwin.StartAsync();
        var catalog = new HandlerCatalog(twin.Ports);
        var definition = await File.ReadAllTextAsync(RepositoryPaths.InRepository(OperationsDigestWorkflow.DefinitionFile));

        var placeholders = Placeholder().Matches(definition).Select(m => m.Groups[1].Value).Distinct().Order(StringComparer.Ordinal);

        Assert.Equal(OperationsDigestWorkflow.Functions.Keys.Order(StringComparer.Ordinal), placeholders);
        Assert.All(OperationsDigestWorkflow.Functions.Values, name => Assert.True(catalog.TryGet(name, out _), name));
    }

    [GeneratedRegex(@"\$\{([A-Za-z0-9_]+)\}")]
    private static partial Regex Placeholder();
}
