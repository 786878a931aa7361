using System.Text.RegularExpressions;
using ContinuousImprovement.Handlers.Invocation;
using ContinuousImprovement.Handlers.Training;
using ContinuousImprovement.Workflows.Tests.Twin;

namespace ContinuousImprovement.Workflows.Tests.Training;

public sealed partial class TrainingDefinitionTests
{
    [Fact]
    public async Task Every_placeholder_of_the_training_definition_names_a_function_the_catalog_serves()
    {
        using var twin = await TrainingTwin.StartAsync();
        var catalog = new HandlerCatalog(twin.Ports);
        var definition = await File.ReadAllTextAsync(RepositoryPaths.InRepository(TrainingWorkflow.DefinitionFile));

        var placeholders = Placeholder().Matches(definition).Select(m => m.Groups[1].Value).Distinct().Order(StringComparer.Ordinal);

        Assert.Equal(TrainingWorkflow.Functions.Keys.Order(StringComparer.Ordinal), placeholders);
        Assert.All(TrainingWorkflow.Functions.Values, name => Assert.True(catalog.TryGet(name, out _), name));
    }

    [Fact]
    public async Task A_training_handler_without_a_training_port_says_it_needs_one()
    {
        using var twin = await TrainingTwin.StartAsync();
        var catalog = new HandlerCatalog(twin.Ports with { Training = null });

        var result = await catalog[TrainingWorkflow.DescribeTraining].InvokeAsync("""{"versionArn":"a","polls":0,"maxPolls":3}"""u8.ToArray(), default);

        Assert.Equal(HandlerErrors.InvalidState, result.Error?.Name);
        Assert.Contains("No model training port is configured", result.Error!.Cause, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\$\{([A-Za-z0-9_]+)\}")]
    private static partial Regex Placeholder();
}
