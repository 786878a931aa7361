using System.Globalization;
using ContinuousImprovement.Handlers.Contracts;

namespace ContinuousImprovement.Handlers.Detection;

/// <summary>
/// Gives back the daily slot of a review whose start failed for good, unless its loop exists: a start can land and
/// still answer with an error, and a loop that runs must keep counting against its day's cap. Shared by detection
/// and audit sampling, which reserve and start the same way.
/// </summary>
public static class ReviewSlot
{
    /// <summary>
    /// Returns the slot of <paramref name="humanLoopName"/> reserved on <paramref name="reservedOn"/> if the loop was not
    /// started. <paramref name="notStarted"/> runs first in that case: the release stays the last write, so a retry of
    /// the step after a refused write cannot give a slot back twice.
    /// </summary>
    public static async Task<ReviewSlotReturned> ReturnAsync(Ports ports, string humanLoopName, DateOnly reservedOn, Func<Task>? notStarted, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ports);
        var day = reservedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (await ports.Reviews.StatusAsync(humanLoopName, cancellationToken).ConfigureAwait(false) is not null)
        {
            return new ReviewSlotReturned(false, $"human loop {humanLoopName} exists after all (its start landed), so its slot of {day} stays taken", LoopExists: true);
        }

        if (notStarted is not null)
        {
            await notStarted().ConfigureAwait(false);
        }

        return await ports.Inferences.ReleaseHumanLoopAsync(reservedOn, cancellationToken).ConfigureAwait(false)
            ? new ReviewSlotReturned(true, $"human loop {humanLoopName} was not started, so its slot of {day} was given back")
            : new ReviewSlotReturned(false, $"human loop {humanLoopName} was not started, but {day} had no slot taken to give back");
    }
}
