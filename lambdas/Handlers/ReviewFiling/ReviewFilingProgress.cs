using ContinuousImprovement.Handlers.Contracts;
using ContinuousImprovement.Handlers.Detection;

namespace ContinuousImprovement.Handlers.ReviewFiling;

/// <summary>
/// The review-filing workflow's state as far as it got: each step adds its result under its own name, a Catch
/// adds the error as <see cref="Failure"/>. Every part is optional, since a failure can come at any step.
/// </summary>
public sealed record ReviewFilingProgress(
    SettingsLoaded? Settings = null,
    ReviewRead? Review = null,
    FilingResult? Filing = null,
    ReviewFilingOutcome? Outcome = null,
    ErrorInfo? Failure = null);
