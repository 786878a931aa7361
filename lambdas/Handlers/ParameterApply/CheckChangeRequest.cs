using System.Text.Json;

namespace ContinuousImprovement.Handlers.ParameterApply;

/// <summary>The Parameter Store Change event the execution started from.</summary>
public sealed record CheckChangeRequest(JsonElement Event);
