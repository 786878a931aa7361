namespace ContinuousImprovement.Handlers.Invocation;

/// <summary>An invocation's JSON output (UTF-8), or the error it failed with.</summary>
public sealed record HandlerResult(ReadOnlyMemory<byte> Output, HandlerError? Error)
{
    public bool IsFailure => Error is not null;

    public static HandlerResult Success(ReadOnlyMemory<byte> output) => new(output, null);

    public static HandlerResult Failure(string name, string cause) => new(ReadOnlyMemory<byte>.Empty, new HandlerError(name, cause));
}
