using ContinuousImprovement.Core.Parameters;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ContinuousImprovement.Core.Tests.Parameters;

public sealed class ParameterResolverTests
{
    private static readonly ParameterCatalog Catalog = ParameterCatalog.Default;

    private static Dictionary<string, string?> Defaults() => Catalog.Parameters.ToDictionary(p => p.Name, p => (string?)p.Default);

    [Fact]
    public void Valid_values_are_in_force_and_become_the_last_good_ones()
    {
        var raw = Defaults();
        raw["Minimum-F1-Score"] = "0.9";

        var resolved = ParameterResolver.Resolve(Catalog, raw, new Dictionary<string, string>());

        Assert.Empty(resolved.Problems);
        Assert.Equal(0.9, resolved.Number("Minimum-F1-Score"));
        Assert.Equal(InForceSource.Submitted, resolved.Sources["Minimum-F1-Score"]);
        Assert.Equal("0.9", resolved.LastGood["Minimum-F1-Score"]);
        Assert.Equal(Catalog.Parameters.Count, resolved.LastGood.Count);
    }

    [Fact]
    public void A_bad_value_keeps_the_last_good_value_in_force_and_says_so()
    {
        var raw = Defaults();
        raw["Minimum-F1-Score"] = "1.7";

        var resolved = ParameterResolver.Resolve(Catalog, raw, new Dictionary<string, string> { ["Minimum-F1-Score"] = "0.85" });

        Assert.Equal(0.85, resolved.Number("Minimum-F1-Score"));
        var problem = Assert.Single(resolved.Problems);
        Assert.Equal(InForceSource.LastGood, problem.Source);
        Assert.Equal(
            "Minimum-F1-Score = '1.7' is not valid: it is out of range; allowed: a number from 0 to 1 (F1). The last good value '0.85' stays in force.",
            problem.Message);
        Assert.Equal("0.85", resolved.LastGood["Minimum-F1-Score"]);
    }

    [Fact]
    public void A_bad_value_with_no_good_value_ever_seen_falls_to_the_default_loudly()
    {
        var raw = Defaults();
        raw["Minimum-Inference-Units"] = "zero";

        var resolved = ParameterResolver.Resolve(Catalog, raw, new Dictionary<string, string>());

        Assert.Equal(1, resolved.Integer("Minimum-Inference-Units"));
        var problem = Assert.Single(resolved.Problems);
        Assert.Equal(InForceSource.Default, problem.Source);
        Assert.EndsWith("No good value was ever seen, so the catalog default '1' is in force.", problem.Message, StringComparison.Ordinal);
        Assert.False(resolved.LastGood.ContainsKey("Minimum-Inference-Units"));
    }

    [Fact]
    public void A_deleted_parameter_is_a_problem_and_its_last_good_value_stays()
    {
        var raw = Defaults();
        raw.Remove("Enable-Automatic-Training");

        var resolved = ParameterResolver.Resolve(Catalog, raw, new Dictionary<string, string> { ["Enable-Automatic-Training"] = "false" });

        Assert.False(resolved.Boolean("Enable-Automatic-Training"));
        Assert.Contains("the parameter is missing", Assert.Single(resolved.Problems).Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_remembered_value_the_catalog_no_longer_allows_is_not_used()
    {
        var raw = Defaults();
        raw["Minimum-F1-Score"] = "bad";

        var resolved = ParameterResolver.Resolve(Catalog, raw, new Dictionary<string, string> { ["Minimum-F1-Score"] = "3" });

        Assert.Equal(0.8, resolved.Number("Minimum-F1-Score"));
        Assert.Equal(InForceSource.Default, resolved.Sources["Minimum-F1-Score"]);
    }

    [Fact]
    public void Names_under_the_prefix_that_the_catalog_does_not_know_are_reported()
    {
        var raw = Defaults();
        raw["Minimum-F1-Scroe"] = "0.5";

        Assert.Equal(["Minimum-F1-Scroe"], ParameterResolver.Resolve(Catalog, raw, new Dictionary<string, string>()).UnknownNames);
    }

    [Fact]
    public void Breaking_a_constraint_reverts_the_side_the_operator_changed()
    {
        var lastGood = new Dictionary<string, string> { ["Confidence-Band-Low"] = "40", ["Confidence-Band-High"] = "60" };
        var raw = Defaults();
        raw["Confidence-Band-Low"] = "75";

        var resolved = ParameterResolver.Resolve(Catalog, raw, lastGood);

        Assert.Equal(40, resolved.Number("Confidence-Band-Low"));
        Assert.Equal(60, resolved.Number("Confidence-Band-High"));
        var problem = Assert.Single(resolved.Problems);
        Assert.Equal("Confidence-Band-Low", problem.Name);
        Assert.Equal(
            "Confidence-Band-Low = 75 and Confidence-Band-High = 60 break a rule: The confidence band's low end cannot be above its high end. The last good value '40' stays in force.",
            problem.Message);
    }

    [Fact]
    public void Breaking_a_constraint_with_no_good_state_to_return_to_uses_the_defaults_for_both_sides()
    {
        var raw = Defaults();
        raw["Confidence-Band-Low"] = "90";
        raw["Confidence-Band-High"] = "10";

        var resolved = ParameterResolver.Resolve(Catalog, raw, new Dictionary<string, string>());

        Assert.Equal((40d, 60d), (resolved.Number("Confidence-Band-Low"), resolved.Number("Confidence-Band-High")));
        Assert.Equal(["Confidence-Band-Low", "Confidence-Band-High"], resolved.Problems.Select(p => p.Name));
        Assert.All(resolved.Problems, p => Assert.Equal(InForceSource.Default, p.Source));
    }

    [Fact]
    public void Typed_reads_fail_loudly_when_the_type_is_wrong()
    {
        var resolved = ParameterResolver.Resolve(Catalog, Defaults(), new Dictionary<string, string>());

        Assert.Throws<InvalidOperationException>(() => resolved.Boolean("Minimum-F1-Score"));
        Assert.Throws<KeyNotFoundException>(() => resolved.Boolean("Nope"));
        Assert.Equal(50, resolved.Number("Minimum-Untrained-Images"));
        Assert.Equal(["below-threshold", "ground-truth-mismatch"], resolved.List("Sampling-Strategies"));
        Assert.Equal("portal", resolved.Choice("Review-Backend"));
    }

    [Property(MaxTest = 200)]
    public Property Any_operator_input_leaves_every_parameter_with_a_valid_value_and_every_substitute_reported()
    {
        var names = Catalog.Parameters.Select(p => p.Name).ToArray();
        var rawGen =
            from picks in Gen.SubListOf(names)
            from values in Gen.ListOf(Gen.OneOf(ArbMap.Default.GeneratorFor<string>(), Gen.Elements("true", "0.5", "70", "margin", "", "-1", "1e9")), picks.Count)
            select picks.Zip(values).ToDictionary(p => p.First, p => (string?)p.Second);

        return Prop.ForAll(rawGen.ToArbitrary(), raw =>
        {
            var resolved = ParameterResolver.Resolve(Catalog, raw, new Dictionary<string, string>());
            return Catalog.Parameters.All(p =>
                ParameterValidator.Check(p, resolved.Values[p.Name].Canonical).IsValid
                && (resolved.Sources[p.Name] == InForceSource.Submitted) != resolved.Problems.Any(problem => problem.Name == p.Name)
                && Catalog.Constraints.All(c => resolved.Number(c.Left) <= resolved.Number(c.Right)));
        });
    }
}
