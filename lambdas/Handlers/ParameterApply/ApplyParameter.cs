using ContinuousImprovement.Core.Text;
using ContinuousImprovement.Handlers.Contracts;
using ContinuousImprovement.Handlers.Invocation;

namespace ContinuousImprovement.Handlers.ParameterApply;

/// <summary>
/// Re-applies what a good change affects at once: the training, audit or digest schedule is enabled, disabled
/// or re-timed with the values in force (applying the same setting twice is harmless). Other parameters are
/// read by the next run of their workflow, so there is nothing to apply; either way the operator is told.
/// </summary>
public sealed class ApplyParameter(Ports ports) : IHandler<ChangeRequest, ParameterOutcome>
{
    public async ValueTask<ParameterOutcome> HandleAsync(ChangeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var change = request.Change;
        if (change.Action != ChangeActions.Apply || change.Name is null)
        {
            throw new HandlerException(HandlerErrors.InvalidInput, $"Only an apply with a name can be applied; got {change.Action} for {change.Name}.");
        }

        var applied = "";
        if (change.Schedule is { } schedule)
        {
            var schedules = ports.Schedules
                ?? throw new HandlerException(HandlerErrors.InvalidState, $"{change.Name} re-times the {schedule.Name} schedule, but this host has no schedules port.");
            await schedules.ApplyAsync(schedule.ToSetting(), cancellationToken).ConfigureAwait(false);
            applied = schedule.Enabled
                ? $" The {schedule.Name} schedule now runs every {schedule.EveryMinutes} minutes."
                : $" The {schedule.Name} schedule is now disabled.";
        }

        var message = $"{ports.Catalog.FullName(change.Name)} = {Printable.Quote(change.Value, '\'', 200)} is in force. {change.Reason}{applied}";
        return new ParameterOutcome(
            "applied",
            $"{change.Name} = '{change.Value}' applied.{applied}",
            new NotificationText(ParameterKinds.ParameterApplied, $"Parameter applied: {change.Name}", message));
    }
}
