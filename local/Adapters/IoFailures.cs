using ContinuousImprovement.Core.Ports;

namespace ContinuousImprovement.Local.Adapters;

/// <summary>
/// File-system errors in the terms workflows act on: a denied path needs an operator, anything else from the
/// disk (full, locked, gone) may pass, so it is reported as a retryable outage.
/// </summary>
internal static class IoFailures
{
    public static PortException From(Exception exception, string what) => exception switch
    {
        PortException port => port,
        UnauthorizedAccessException => new PortException(PortFailure.AccessDenied, $"{what}: access denied ({exception.Message})", exception),
        _ => new PortException(PortFailure.Unavailable, $"{what}: {exception.Message}", exception),
    };

    /// <summary>Runs <paramref name="action"/>, reporting file-system errors as port failures.</summary>
    public static async Task<T> GuardAsync<T>(string what, Func<Task<T>> action)
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.Json.JsonException)
        {
            throw From(e, what);
        }
    }

    public static T Guard<T>(string what, Func<T> action)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.Json.JsonException)
        {
            throw From(e, what);
        }
    }
}
