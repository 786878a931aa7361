using ContinuousImprovement.Core.Ports;

namespace ContinuousImprovement.Workflows.Tests.Training;

/// <summary>
/// A parameter store at which the first <paramref name="executions"/> settings reads (one per training check) wait for
/// each other, so that many executions pass their checks' reads together, as executions started at the same moment do
/// on AWS. A read that waits longer than a few seconds goes on alone, so a test can fail but never hang.
/// </summary>
internal sealed class ChecksMeet(IParameterStore inner, int executions) : IParameterStore
{
    private readonly TaskCompletionSource allArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int arrived;

    public async Task<IReadOnlyList<StoredParameter>> GetByPathAsync(string path, CancellationToken cancellationToken)
    {
        var read = await inner.GetByPathAsync(path, cancellationToken);
        var order = Interlocked.Increment(ref arrived);
        if (order <= executions)
        {
            if (order == executions)
            {
                allArrived.TrySetResult();
            }

            await allArrived.Task.WaitAsync(TimeSpan.FromSeconds(5), cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }

        return read;
    }

    public Task<StoredParameter?> GetAsync(string name, CancellationToken cancellationToken) => inner.GetAsync(name, cancellationToken);

    public Task<long> PutAsync(string name, string value, CancellationToken cancellationToken) => inner.PutAsync(name, value, cancellationToken);

    public Task<ParameterWrite> PutAfterAsync(string name, string value, long expectedVersion, CancellationToken cancellationToken) =>
        inner.PutAfterAsync(name, value, expectedVersion, cancellationToken);
}
