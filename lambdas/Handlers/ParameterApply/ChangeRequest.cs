namespace ContinuousImprovement.Handlers.ParameterApply;

/// <summary>A checked change, as the check step wrote it under <c>change</c>.</summary>
public sealed record ChangeRequest(ParameterChange Change);
