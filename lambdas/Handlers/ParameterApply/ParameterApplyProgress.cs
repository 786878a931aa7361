using ContinuousImprovement.Handlers.Contracts;

namespace ContinuousImprovement.Handlers.ParameterApply;

/// <summary>The parameter-apply workflow's state as far as it got, with the caught error as <see cref="Failure"/>.</summary>
public sealed record ParameterApplyProgress(
    ParameterChange? Change = null,
    LastGoodRemembered? Remembered = null,
    ParameterOutcome? Outcome = null,
    ErrorInfo? Failure = null);
