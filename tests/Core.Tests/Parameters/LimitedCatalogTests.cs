using ContinuousImprovement.Core.Parameters;

namespace ContinuousImprovement.Core.Tests.Parameters;

/// <summary>A deployment that lacks some choices (an AWS stack without the review portal) limits the catalog to what it has.</summary>
public sealed class LimitedCatalogTests
{
    private static readonly ParameterCatalog AwsOnlyA2i = ParameterCatalog.Default.Limited("Review-Backend", ["a2i"]);

    [Fact]
    public void A_choice_the_deployment_lacks_is_refused_naming_what_it_has()
    {
        var check = AwsOnlyA2i.Check("Review-Backend", "portal");

        Assert.False(check.IsValid);
        Assert.Equal("Review-Backend = 'portal' is not valid: it is not one of the allowed values; allowed: one of a2i (all this deployment has).", check.Error);
        Assert.True(AwsOnlyA2i.Check("Review-Backend", "a2i").IsValid);
    }

    [Fact]
    public void The_default_becomes_the_first_value_the_deployment_has_when_the_catalogs_own_is_not_among_them()
    {
        Assert.Equal("portal", ParameterCatalog.Default["Review-Backend"].Default);
        Assert.Equal("a2i", AwsOnlyA2i["Review-Backend"].Default);
        Assert.Equal("portal", ParameterCatalog.Default.Limited("Review-Backend", ["a2i", "portal"])["Review-Backend"].Default);
    }

    [Fact]
    public void A_stored_value_the_deployment_lacks_gives_way_to_the_last_good_one_with_the_problem_reported()
    {
        var raw = ParameterCatalog.Default.Parameters.ToDictionary(p => p.Name, p => (string?)p.Default, StringComparer.Ordinal);
        raw["Review-Backend"] = "portal";

        var resolved = ParameterResolver.Resolve(AwsOnlyA2i, raw, new Dictionary<string, string>(StringComparer.Ordinal) { ["Review-Backend"] = "a2i" });

        Assert.Equal("a2i", resolved.Choice("Review-Backend"));
        Assert.Contains(resolved.Problems, p => p.Name == "Review-Backend" && p.Message.Contains("all this deployment has", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_other_parameter_and_the_prefix_stay_as_they_were()
    {
        var limited = ParameterCatalog.Default.WithPrefix("/Staging/CI/").Limited("Review-Backend", ["a2i"]);

        Assert.Equal("/Staging/CI/", limited.Prefix);
        Assert.Equal(
            ParameterCatalog.Default.Parameters.Where(p => p.Name != "Review-Backend"),
            limited.Parameters.Where(p => p.Name != "Review-Backend"));
    }

    [Theory]
    [InlineData("Minimum-F1-Score", new[] { "0.5" })]
    [InlineData("Review-Backend", new[] { "mechanical-turk" })]
    [InlineData("Review-Backend", new string[0])]
    public void Limiting_to_values_the_catalog_does_not_allow_or_a_non_choice_is_refused(string name, string[] values) =>
        Assert.Throws<ArgumentException>(() => ParameterCatalog.Default.Limited(name, values));
}
