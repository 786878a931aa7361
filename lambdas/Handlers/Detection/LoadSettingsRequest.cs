namespace ContinuousImprovement.Handlers.Detection;

/// <summary>Loading the settings needs nothing from the workflow.</summary>
public sealed record LoadSettingsRequest;
