using ContinuousImprovement.Core.Parameters;

namespace ContinuousImprovement.Core.Tests.Parameters;

public sealed class ParameterCatalogTests
{
    private static readonly ParameterCatalog Catalog = ParameterCatalog.Default;

    [Theory]
    [InlineData("Enable-Automatic-Training", ParameterType.Boolean)]
    [InlineData("Automatic-Training-Poll-Frequency", ParameterType.Integer)]
    [InlineData("Minimum-Untrained-Images", ParameterType.Integer)]
    [InlineData("Minimum-F1-Score", ParameterType.Number)]
    [InlineData("Minimum-Inference-Units", ParameterType.Integer)]
    [InlineData("Minimum-Label-Detection-Confidence", ParameterType.Number)]
    [InlineData("Enable-A2I-Workflow", ParameterType.Boolean)]
    [InlineData("Enable-Automatic-Human-Sampling", ParameterType.Boolean)]
    [InlineData("Automatic-Human-Sampling-Frequency", ParameterType.Integer)]
    [InlineData("Human-Sampling-Interval", ParameterType.Integer)]
    [InlineData("Sampling-Strategies", ParameterType.List)]
    [InlineData("Max-Human-Loops-Per-Day", ParameterType.Integer)]
    [InlineData("Notify-Immediately", ParameterType.List)]
    [InlineData("Notify-In-Digest", ParameterType.List)]
    public void The_catalog_holds_the_operator_parameters_with_their_types(string name, ParameterType type) =>
        Assert.Equal(type, Catalog[name].Type);

    [Fact]
    public void Seed_ranges_are_as_documented()
    {
        Assert.Equal((0d, 1d), (Catalog["Minimum-F1-Score"].Minimum!.Value, Catalog["Minimum-F1-Score"].Maximum!.Value));
        Assert.Equal((0d, 100d), (Catalog["Minimum-Label-Detection-Confidence"].Minimum!.Value, Catalog["Minimum-Label-Detection-Confidence"].Maximum!.Value));
        Assert.Equal(1d, Catalog["Minimum-Untrained-Images"].Minimum);
        Assert.Equal(1d, Catalog["Minimum-Inference-Units"].Minimum);
        Assert.Equal("minutes", Catalog["Automatic-Training-Poll-Frequency"].Unit);
    }

    [Fact]
    public void Every_default_is_valid_by_its_own_rules()
    {
        foreach (var definition in Catalog.Parameters)
        {
            Assert.True(ParameterValidator.Check(definition, definition.Default).IsValid, definition.Name);
        }
    }

    [Fact]
    public void Every_parameter_says_what_a_change_reapplies() =>
        Assert.All(Catalog.Parameters, p => Assert.True(Catalog.AppliesDescriptions.ContainsKey(p.Applies), p.Name));

    [Fact]
    public void Schedules_are_reapplied_by_the_parameters_that_drive_them()
    {
        Assert.Equal("training-schedule", Catalog["Enable-Automatic-Training"].Applies);
        Assert.Equal("training-schedule", Catalog["Automatic-Training-Poll-Frequency"].Applies);
        Assert.Equal("audit-schedule", Catalog["Enable-Automatic-Human-Sampling"].Applies);
        Assert.Equal("next-deploy", Catalog["Minimum-Inference-Units"].Applies);
    }

    [Fact]
    public void Default_notification_policy_mails_failures_gates_deploys_and_drift_at_once_and_digests_per_image_events()
    {
        var immediately = Catalog["Notify-Immediately"].Default.Split(',');
        var digest = Catalog["Notify-In-Digest"].Default.Split(',');

        Assert.Subset(immediately.ToHashSet(), new HashSet<string> { "training-failed", "gate-failed", "model-deployed", "deploy-failed", "drift-detected", "workflow-error", "parameter-rejected" });
        Assert.Subset(digest.ToHashSet(), new HashSet<string> { "detection-completed", "review-started", "image-filed" });
        Assert.Empty(immediately.Intersect(digest));
    }

    [Theory]
    [InlineData("/ContinuousImprovement/Minimum-F1-Score", "Minimum-F1-Score")]
    [InlineData("ContinuousImprovement/Minimum-F1-Score", "Minimum-F1-Score")]
    public void Parameter_store_names_map_to_short_names_with_or_without_the_leading_slash(string full, string shortName)
    {
        Assert.True(Catalog.TryGetShortName(full, out var name));
        Assert.Equal(shortName, name);
        Assert.Equal("/ContinuousImprovement/Minimum-F1-Score", Catalog.FullName(name));
    }

    [Theory]
    [InlineData("MyExampleParameter")]
    [InlineData("/Other/Minimum-F1-Score")]
    [InlineData("/ContinuousImprovement/")]
    [InlineData("/ContinuousImprovement/nested/Name")]
    [InlineData("/ContinuousImprovementX/Minimum-F1-Score")]
    public void Names_outside_the_prefix_are_not_ours(string full) => Assert.False(Catalog.TryGetShortName(full, out _));

    [Fact]
    public void A_deployment_can_choose_its_own_prefix()
    {
        var catalog = Catalog.WithPrefix("/prod/ci/");

        Assert.Equal("/prod/ci/Minimum-F1-Score", catalog.FullName("Minimum-F1-Score"));
        Assert.Throws<ArgumentException>(() => Catalog.WithPrefix("no-slashes"));
    }

    [Fact]
    public void The_system_parameter_is_named_with_its_schema_version()
    {
        Assert.Equal("System-State", Catalog.SystemParameter.Name);
        Assert.Equal(1, Catalog.SystemParameter.SchemaVersion);
        Assert.False(Catalog.TryGet("System-State", out _));
    }

    [Theory]
    [InlineData("{", "not valid JSON")]
    [InlineData("""{"catalogVersion":2,"prefix":"/p/","applies":{},"eventKinds":[],"parameters":[],"constraints":[],"systemParameter":{"name":"S","schemaVersion":1,"schema":"s","description":"d"}}""", "catalogVersion 2 is not supported")]
    [InlineData("""{"catalogVersion":1,"prefix":"p","applies":{},"eventKinds":[],"parameters":[],"constraints":[],"systemParameter":{"name":"S","schemaVersion":1,"schema":"s","description":"d"}}""", "prefix 'p' must start and end with '/'")]
    [InlineData("""{"catalogVersion":1,"prefix":"/p/","applies":{"x":"y"},"eventKinds":[],"parameters":[{"name":"A","group":"g","type":"integer","default":"9","minimum":1,"maximum":5,"applies":"x","description":"d"}],"constraints":[],"systemParameter":{"name":"S","schemaVersion":1,"schema":"s","description":"d"}}""", "default invalid: A = '9' is not valid: it is out of range")]
    [InlineData("""{"catalogVersion":1,"prefix":"/p/","applies":{"x":"y"},"eventKinds":[],"parameters":[{"name":"A","group":"g","type":"boolean","default":"true","applies":"x","description":"d"},{"name":"A","group":"g","type":"boolean","default":"true","applies":"x","description":"d"}],"constraints":[],"systemParameter":{"name":"S","schemaVersion":1,"schema":"s","description":"d"}}""", "A is defined 2 times")]
    [InlineData("""{"catalogVersion":1,"prefix":"/p/","applies":{},"eventKinds":[],"parameters":[{"name":"A","group":"g","type":"boolean","default":"true","applies":"x","description":"d"}],"constraints":[],"systemParameter":{"name":"S","schemaVersion":1,"schema":"s","description":"d"}}""", "applies 'x' is not described")]
    [InlineData("""{"catalogVersion":1,"prefix":"/p/","applies":{"x":"y"},"eventKinds":[],"parameters":[{"name":"A","group":"g","type":"date","default":"true","applies":"x","description":"d"}],"constraints":[],"systemParameter":{"name":"S","schemaVersion":1,"schema":"s","description":"d"}}""", "A: unknown type 'date'")]
    [InlineData("""{"catalogVersion":1,"prefix":"/p/","applies":{"x":"y"},"eventKinds":[],"parameters":[{"name":"A","group":"g","type":"number","default":"5","minimum":0,"maximum":9,"applies":"x","description":"d"},{"name":"B","group":"g","type":"number","default":"4","minimum":0,"maximum":9,"applies":"x","description":"d"}],"constraints":[{"rule":"less-or-equal","left":"A","right":"B","description":"A at most B"}],"systemParameter":{"name":"S","schemaVersion":1,"schema":"s","description":"d"}}""", "defaults break its own constraints")]
    [InlineData("""{"catalogVersion":1,"prefix":"/p/","applies":{"x":"y"},"eventKinds":[],"parameters":[{"name":"A","group":"g","type":"boolean","default":"true","applies":"x","description":"d"}],"constraints":[{"rule":"less-or-equal","left":"A","right":"Z","description":"?"}],"systemParameter":{"name":"S","schemaVersion":1,"schema":"s","description":"d"}}""", "must be less-or-equal between two numeric parameters")]
    public void An_inconsistent_catalog_is_refused_with_every_problem_named(string json, string problem)
    {
        var error = Assert.Throws<CatalogException>(() => ParameterCatalog.Parse(json));

        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }
}
