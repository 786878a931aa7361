using ContinuousImprovement.Asl.Json;

namespace ContinuousImprovement.Asl.States;

/// <summary>
/// What a state hands on: its output and the next state's name (null when the machine ends here), or a
/// failure. Failures travel as values between states so that Retry and Catch cost no exception; only a
/// failure nobody catches becomes an <see cref="AslRuntimeException"/>.
/// </summary>
internal readonly record struct StateOutcome(JsonValue Output, string? Next, string? Error = null, string? Cause = null)
{
    public bool IsFailure => Error is not null;

    public static StateOutcome Failed(string error, string cause) => new(JsonValue.Null, null, error, cause);

    public AslRuntimeException ToException() => new(Error!, Cause ?? "");
}
