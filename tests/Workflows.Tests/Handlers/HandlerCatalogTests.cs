using System.Text.RegularExpressions;
using ContinuousImprovement.Core.Parameters;
using ContinuousImprovement.Handlers;
using ContinuousImprovement.Handlers.Detection;
using ContinuousImprovement.Handlers.Invocation;
using ContinuousImprovement.Workflows.Tests.Twin;

namespace ContinuousImprovement.Workflows.Tests.Handlers;

public sealed partial class HandlerCatalogTests
{
    [Fact]
    public async Task Every_placeholder_of_the_detection_definition_names_a_function_the_catalog_serves()
    {
        using var twin = await DetectionTwin.StartAsync();
        var catalog = new HandlerCatalog(twin.Ports);
        var definition = await File.ReadAllTextAsync(RepositoryPaths.InRepository(DetectionWorkflow.DefinitionFile));

        var placeholders = Placeholder().Matches(definition).Select(m => m.Groups[1].Value).Distinct().Order(StringComparer.Ordinal);

        Assert.Equal(DetectionWorkflow.Functions.Keys.Order(StringComparer.Ordinal), placeholders);
        Assert.All(DetectionWorkflow.Functions.Values, name => Assert.True(catalog.TryGet(name, out _), name));
        Assert.Subset(catalog.Names.ToHashSet(), DetectionWorkflow.Functions.Values.ToHashSet());
    }

    [Fact]
    public async Task Asking_for_an_unknown_handler_names_the_known_ones()
    {
        using var twin = await DetectionTwin.StartAsync();

        var error = Assert.Throws<KeyNotFoundException>(() => new HandlerCatalog(twin.Ports)["detect"]);

        Assert.Contains("known: audit-sampling-describe-failure, audit-sampling-finish-round", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Handler_names_are_usable_as_lambda_handler_settings()
    {
        using var twin = await DetectionTwin.StartAsync();

        Assert.All(new HandlerCatalog(twin.Ports).Names, name => Assert.Matches("^[a-z]+(-[a-z]+)*$", name));
    }

    [Fact]
    public async Task The_notify_handler_refuses_a_kind_the_catalog_does_not_list()
    {
        using var twin = await DetectionTwin.StartAsync();
        var notify = new HandlerCatalog(twin.Ports)["notify"];

        var result = await notify.InvokeAsync("""{"notification":{"kind":"image-lost","subject":"s","message":"m"}}"""u8.ToArray(), default);

        Assert.Equal(HandlerErrors.InvalidInput, result.Error?.Name);
        Assert.Contains("\"image-lost\" is not an event kind of the catalog", result.Error!.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_snapshot_notify_routes_by_the_settings_in_force_and_by_the_defaults_when_they_cannot_be_read()
    {
        using var twin = await DetectionTwin.StartAsync();
        await twin.SetAsync("Notify-Immediately", "review-started");
        var notify = new HandlerCatalog(twin.Ports)["notify"];
        var request = """{"notification":{"kind":"review-started","subject":"s","message":"m"}}"""u8.ToArray();

        var inForce = await notify.InvokeAsync(request, default);
        await twin.SetAsync(ParameterCatalog.Default.SystemParameter.Name, "{broken");
        var fallback = await notify.InvokeAsync(request, default);

        Assert.Equal("""{"kind":"review-started","route":"immediately","note":null}""", System.Text.Encoding.UTF8.GetString(inForce.Output.Span));
        Assert.Contains("\"route\":\"digest\",\"note\":\"routed by the catalog defaults", System.Text.Encoding.UTF8.GetString(fallback.Output.Span), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\$\{([A-Za-z0-9_]+)\}")]
    private static partial Regex Placeholder();
}
