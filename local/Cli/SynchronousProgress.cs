namespace ContinuousImprovement.Local.Cli;

/// <summary>
/// Progress reported on the caller's thread, in order: <see cref="Progress{T}"/> posts to the thread pool, so a fast
/// run would print its lines late and out of order.
/// </summary>
internal sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
