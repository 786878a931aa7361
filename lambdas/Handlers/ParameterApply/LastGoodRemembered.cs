namespace ContinuousImprovement.Handlers.ParameterApply;

/// <summary>Whether the system parameter was written (false: it already held these values).</summary>
public sealed record LastGoodRemembered(bool Written);
