using ContinuousImprovement.Asl.Json;

namespace ContinuousImprovement.Asl.Tasks;

/// <summary>
/// What a task gives back: its output, or a failure with an error name and cause. Returning a failure
/// (as a Lambda invocation error response does) costs nothing; throwing <see cref="TaskFailedException"/>
/// has the same effect at the price of an exception.
/// </summary>
public readonly record struct TaskResult(JsonValue? Output, string? Error, string? Cause)
{
    public bool IsFailure => Error is not null;

    public static TaskResult Success(JsonValue output) => new(output ?? throw new ArgumentNullException(nameof(output)), null, null);

    public static TaskResult Failure(string error, string cause) => new(null, error ?? throw new ArgumentNullException(nameof(error)), cause ?? "");

    public static implicit operator TaskResult(JsonValue output) => Success(output);
}
