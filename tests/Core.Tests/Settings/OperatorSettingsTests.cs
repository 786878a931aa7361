using ContinuousImprovement.Core.Parameters;
using ContinuousImprovement.Core.Sampling;
using ContinuousImprovement.Core.Settings;

namespace ContinuousImprovement.Core.Tests.Settings;

public sealed class OperatorSettingsTests
{
    private static readonly ParameterCatalog Catalog = ParameterCatalog.Default;

    [Fact]
    public void Catalog_defaults_give_the_sampling_rules_their_documented_defaults() =>
        Assert.Equal(SamplingSettings.Default, OperatorSettings.Defaults(Catalog).Sampling);

    [Fact]
    public void The_catalog_offers_exactly_the_sampling_strategies_the_rules_know() =>
        Assert.Equal(SamplingStrategyNames.All, Catalog["Sampling-Strategies"].AllowedValues);

    [Fact]
    public void Operator_values_reach_each_workflow_typed()
    {
        var raw = Catalog.Parameters.ToDictionary(p => p.Name, p => (string?)p.Default);
        raw["Enable-Automatic-Training"] = "false";
        raw["Automatic-Training-Poll-Frequency"] = "15";
        raw["Minimum-F1-Score"] = "0.9";
        raw["Review-Backend"] = "A2I";
        raw["Sampling-Strategies"] = "margin,entropy";
        raw["Margin-Threshold"] = "0.2";
        raw["Review-Reject-Labels"] = "None of the Above,Unclear";
        raw["Enable-Automatic-Human-Sampling"] = "true";

        var settings = OperatorSettings.From(ParameterResolver.Resolve(Catalog, raw, new Dictionary<string, string>()));

        Assert.Equal(new TrainingSettings(false, TimeSpan.FromMinutes(15), 50, 0.9, 1), settings.Training);
        Assert.Equal(ReviewBackend.A2I, settings.Review.Backend);
        Assert.Equal(["None of the Above", "Unclear"], settings.Review.RejectLabels);
        Assert.Equal(new HashSet<SamplingStrategy> { SamplingStrategy.Margin, SamplingStrategy.Entropy }, settings.Sampling.Strategies);
        Assert.Equal(0.2, settings.Sampling.MarginThreshold);
        Assert.Equal(new AuditSettings(true, TimeSpan.FromDays(1), 100), settings.Audit);
    }
}
