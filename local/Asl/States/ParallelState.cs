using ContinuousImprovement.Asl.Definition;
using ContinuousImprovement.Asl.Runtime;
using ContinuousImprovement.Asl.Json;

namespace ContinuousImprovement.Asl.States;

/// <summary>Runs every branch on the same input at once; the result is their outputs in branch order. One failed branch fails the state and stops the others.</summary>
internal sealed class ParallelState : State
{
    private readonly InputOutput io;
    private readonly ErrorHandling errors;
    private readonly List<Program> branches = [];

    public ParallelState(string name, FieldReader reader, LoadContext context)
        : base(name, reader, transitions: true)
    {
        io = new InputOutput(reader, parameters: true, resultSelector: true, resultPath: true);
        errors = new ErrorHandling(reader);
        var list = reader.Array("Branches", required: true);
        if (list is { Count: 0 })
        {
            reader.Problem("'Branches' must not be empty");
        }

        for (var i = 0; i < (list?.Count ?? 0); i++)
        {
            if (list![i] is JsonObject branch
                && Program.Read(new FieldReader(branch, $"{reader.Where}.Branches[{i}]", reader.Problems), context) is { } program)
            {
                branches.Add(program);
            }
            else if (list[i] is not JsonObject)
            {
                reader.Problem($"Branches[{i}] must be an object");
            }
        }
    }

    public override HistoryEventType EnteredEvent => HistoryEventType.ParallelStateEntered;

    public override HistoryEventType? ExitedEvent => HistoryEventType.ParallelStateExited;

    public override IEnumerable<string> Transitions => base.Transitions.Concat(errors.Transitions);

    public override ValueTask<StateOutcome> RunAsync(JsonValue input, StateScope scope) => errors.RunAsync(input, scope, RunOnceAsync);

    private async ValueTask<StateOutcome> RunOnceAsync(JsonValue input, StateScope scope)
    {
        var effective = io.EffectiveInput(input, scope);
        var run = scope.Run;
        run.Record(HistoryEventType.ParallelStateStarted, Name);
        using var siblings = CancellationTokenSource.CreateLinkedTokenSource(run.Cancellation);
        var branchRun = run.WithCancellation(siblings.Token);
        var results = new JsonValue[branches.Count];
        var running = new Task[branches.Count];
        for (var i = 0; i < branches.Count; i++)
        {
            running[i] = RunBranchAsync(i, branches[i], effective, branchRun, results, siblings);
        }

        try
        {
            await Task.WhenAll(running).ConfigureAwait(false);
        }
        catch (Exception) when (FirstFailure(running) is { } failure)
        {
            run.Record(HistoryEventType.ParallelStateFailed, Name, error: failure.Error, cause: failure.Cause);
            throw failure;
        }

        run.Record(HistoryEventType.ParallelStateSucceeded, Name);
        return Done(io.Output(input, new JsonArray(results), scope));
    }

    private static async Task RunBranchAsync(int index, Program branch, JsonValue input, ExecutionRun run, JsonValue[] results, CancellationTokenSource siblings)
    {
        try
        {
            results[index] = await branch.RunAsync(input, run, null).ConfigureAwait(false);
        }
        catch (AslRuntimeException)
        {
            await siblings.CancelAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The branch failure to report: the first branch (in order) that failed with an error of its own, not by being stopped.</summary>
    internal static AslRuntimeException? FirstFailure(IEnumerable<Task> tasks) =>
        tasks.Where(t => t.IsFaulted).Select(t => t.Exception!.InnerException).OfType<AslRuntimeException>().FirstOrDefault();
}
