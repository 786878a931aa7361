using ContinuousImprovement.Core.Drift;
using ContinuousImprovement.Core.Parameters;

namespace ContinuousImprovement.Core.Tests.Drift;

public sealed class LabelSourcesTests
{
    private static readonly HashSet<string> Unbiased = new(LabelSources.Unbiased, StringComparer.Ordinal);

    [Theory]
    [InlineData("random: draw vs rate: 0.01 < 0.05 (seed 7)", "random")]
    [InlineData("audit-sampling: inference #5 is confident detection 3 since the last audit pick (interval 3)", "audit-sampling")]
    [InlineData("  audit : inference #100 is a multiple of the audit interval 100", "audit")]
    [InlineData("no colon at all", "no colon at all")]
    public void A_reasons_rule_is_the_text_before_its_first_colon(string reason, string rule) =>
        Assert.Equal(rule, LabelSources.RuleOf(reason));

    [Fact]
    public void An_image_counts_when_any_of_its_reasons_comes_from_a_source()
    {
        Assert.True(LabelSources.PickedBy(["below-threshold: top confidence 41.7 < 70 (cat)", "random: draw vs rate: 0.01 < 0.05 (seed 7)"], Unbiased));
        Assert.False(LabelSources.PickedBy(["below-threshold: top confidence 41.7 < 70 (cat)", "margin: 0.02 ≤ 0.1"], Unbiased));
        Assert.False(LabelSources.PickedBy([], Unbiased));
        Assert.False(LabelSources.PickedBy(["random-ish: not a rule"], Unbiased));
    }

    [Fact]
    public void The_catalog_defaults_are_the_unbiased_sources_50_labels_and_a_tolerance_of_5_points()
    {
        var catalog = ParameterCatalog.Default;
        var settings = DriftSettings.From(ParameterResolver.Resolve(catalog, catalog.Parameters.ToDictionary(d => d.Name, d => (string?)d.Default), new Dictionary<string, string>()));

        Assert.Equal(50, settings.MinimumHumanLabels);
        Assert.Equal(0.05, settings.Tolerance);
        Assert.Equal(Unbiased, settings.LabelSources.ToHashSet());
        Assert.Equal("next-drift-check", catalog[DriftSettings.ToleranceParameter].Applies);
    }
}
