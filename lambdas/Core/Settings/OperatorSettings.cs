using ContinuousImprovement.Core.Notifications;
using ContinuousImprovement.Core.Parameters;
using ContinuousImprovement.Core.Sampling;

namespace ContinuousImprovement.Core.Settings;

/// <summary>
/// The operator parameters in force, as the typed settings each workflow reads. Handlers take this, never
/// raw Parameter Store strings, so a bad value can only ever reach them as the last good one.
/// </summary>
public sealed record OperatorSettings(
    TrainingSettings Training,
    ReviewSettings Review,
    SamplingSettings Sampling,
    AuditSettings Audit,
    NotificationPolicy Notifications)
{
    public static OperatorSettings From(ResolvedParameters p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new OperatorSettings(
            new TrainingSettings(
                p.Boolean("Enable-Automatic-Training"),
                TimeSpan.FromMinutes(p.Integer("Automatic-Training-Poll-Frequency")),
                (int)p.Integer("Minimum-Untrained-Images"),
                p.Number("Minimum-F1-Score"),
                (int)p.Integer("Minimum-Inference-Units")),
            new ReviewSettings(
                p.Boolean("Enable-A2I-Workflow"),
                p.Choice(ReviewSettings.BackendParameter) == "a2i" ? ReviewBackend.A2I : ReviewBackend.Portal,
                p.List("Review-Reject-Labels")),
            new SamplingSettings
            {
                Strategies = p.List("Sampling-Strategies").Select(Strategy).ToHashSet(),
                MinimumLabelDetectionConfidence = p.Number("Minimum-Label-Detection-Confidence"),
                LeastConfidenceThreshold = p.Number("Least-Confidence-Threshold"),
                MarginThreshold = p.Number("Margin-Threshold"),
                EntropyThreshold = p.Number("Entropy-Threshold"),
                RandomRate = p.Number("Random-Sampling-Rate"),
                RandomSeed = (int)p.Integer("Random-Sampling-Seed"),
                ConfidenceBandLow = p.Number("Confidence-Band-Low"),
                ConfidenceBandHigh = p.Number("Confidence-Band-High"),
                AuditInterval = (int)p.Integer("Human-Sampling-Interval"),
                MaxHumanLoopsPerDay = (int)p.Integer("Max-Human-Loops-Per-Day"),
            },
            new AuditSettings(
                p.Boolean("Enable-Automatic-Human-Sampling"),
                TimeSpan.FromMinutes(p.Integer("Automatic-Human-Sampling-Frequency")),
                (int)p.Integer("Human-Sampling-Interval")),
            NotificationPolicy.From(p));
    }

    /// <summary>The settings of the catalog defaults, for a fresh deployment and for tests.</summary>
    public static OperatorSettings Defaults(ParameterCatalog catalog) =>
        From(ParameterResolver.Resolve(catalog, catalog.Parameters.ToDictionary(d => d.Name, d => (string?)d.Default), new Dictionary<string, string>()));

    // The catalog only admits the strategy names, so a miss here means catalog and code disagree.
    private static SamplingStrategy Strategy(string name) =>
        SamplingStrategyNames.TryParse(name, out var strategy)
            ? strategy
            : throw new CatalogException($"Sampling-Strategies allows '{name}', which is not a sampling strategy.");
}
