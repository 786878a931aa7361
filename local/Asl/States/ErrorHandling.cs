using ContinuousImprovement.Asl.Definition;
using ContinuousImprovement.Asl.Runtime;
using ContinuousImprovement.Asl.Json;

namespace ContinuousImprovement.Asl.States;

/// <summary>
/// Retry and Catch around the work of a Task, Parallel or Map state. The first retrier whose ErrorEquals
/// matches decides alone (an exhausted one does not hand over to the next); once retries are spent, the
/// first matching catcher places the error object under its ResultPath and moves to its Next.
/// </summary>
internal sealed class ErrorHandling
{
    private readonly IReadOnlyList<Retrier> retriers;
    private readonly IReadOnlyList<Catcher> catchers;

    public ErrorHandling(FieldReader reader)
    {
        retriers = Retrier.ReadAll(reader);
        catchers = Catcher.ReadAll(reader);
    }

    public IEnumerable<string> Transitions => catchers.Select(c => c.Next);

    public async ValueTask<StateOutcome> RunAsync(JsonValue input, StateScope scope, Func<JsonValue, StateScope, ValueTask<StateOutcome>> work)
    {
        if (retriers.Count == 0 && catchers.Count == 0)
        {
            return await work(input, scope).ConfigureAwait(false);
        }

        int[]? attempts = null;
        while (true)
        {
            StateOutcome outcome;
            try
            {
                outcome = await work(input, scope).ConfigureAwait(false);
            }
            catch (AslRuntimeException e) when (!scope.Run.Cancellation.IsCancellationRequested)
            {
                outcome = StateOutcome.Failed(e.Error, e.Cause);
            }

            if (!outcome.IsFailure)
            {
                return outcome;
            }

            var retrier = FirstMatch(outcome.Error!);
            if (retrier >= 0)
            {
                attempts ??= new int[retriers.Count];
                if (attempts[retrier] < retriers[retrier].MaxAttempts)
                {
                    attempts[retrier]++;
                    await scope.Run.Clock.DelayAsync(retriers[retrier].Delay(attempts[retrier], scope.Run.Intrinsics), scope.Run.Cancellation).ConfigureAwait(false);
                    scope.RetryCount++;
                    scope.Invalidate();
                    continue;
                }
            }

            foreach (var catcher in catchers)
            {
                if (ErrorMatching.Matches(catcher.ErrorEquals, outcome.Error!))
                {
                    var error = new JsonObject.Builder(2)
                        .Set("Error", JsonValue.From(outcome.Error))
                        .Set("Cause", JsonValue.From(outcome.Cause))
                        .Build();
                    return new StateOutcome(InputOutput.PlaceResult(input, error, catcher.ResultPath), catcher.Next);
                }
            }

            return outcome;
        }
    }

    private int FirstMatch(string error)
    {
        for (var i = 0; i < retriers.Count; i++)
        {
            if (ErrorMatching.Matches(retriers[i].ErrorEquals, error))
            {
                return i;
            }
        }

        return -1;
    }
}
