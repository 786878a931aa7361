using System.Text.Json;
using ContinuousImprovement.Core.Parameters;
using ContinuousImprovement.Core.Settings;
using ContinuousImprovement.Core.Text;
using ContinuousImprovement.Handlers.Contracts;
using ContinuousImprovement.Handlers.Invocation;
using ContinuousImprovement.Handlers.Settings;

namespace ContinuousImprovement.Handlers.ParameterApply;

/// <summary>
/// Checks one Parameter Store change against the catalog: every parameter is resolved with the last good
/// values the system parameter remembers (<see cref="ParameterResolver"/>), and the changed one decides. Good
/// → apply (remember the new last good values, re-apply its schedule). Bad, or deleted → restore the value in
/// force. The restore is itself a change, whose value is good, so it is applied and the loop ends there. The
/// system parameter, which workflows write themselves, and names outside the prefix are ignored.
/// </summary>
public sealed class CheckChange(Ports ports) : IHandler<CheckChangeRequest, ParameterChange>
{
    public const string DetailType = "Parameter Store Change";

    public async ValueTask<ParameterChange> HandleAsync(CheckChangeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (fullName, operation, unreadable) = ReadEvent(request.Event);
        if (unreadable is not null)
        {
            return Ignore(null, operation, unreadable);
        }

        var catalog = ports.Catalog;
        if (!catalog.TryGetShortName(fullName!, out var name))
        {
            return Ignore(null, operation, $"{Printable.Quote(fullName)} is outside {catalog.Prefix}: not one of ours");
        }

        if (name == catalog.SystemParameter.Name)
        {
            return Ignore(name, operation, $"{name} is the system parameter the workflows write themselves; operators do not tune it");
        }

        if (!catalog.TryGet(name, out var definition))
        {
            var reason = $"{Printable.Quote(catalog.FullName(name), maxChars: 160)} is not a parameter of the catalog, so nothing was applied "
                + $"(a typo?); known: {string.Join(", ", catalog.Parameters.Select(p => p.Name))}";
            return new ParameterChange(ChangeActions.Notify, name, operation, reason, null, null,
                new NotificationText(ParameterKinds.ParameterRejected, $"Unknown parameter ignored: {Printable.Quote(name, maxChars: 120)}", reason + "."));
        }

        var inForce = await new SettingsReader(ports.Parameters, catalog).ReadAsync(cancellationToken).ConfigureAwait(false);
        var resolved = inForce.Parameters;
        if (resolved.Problems.FirstOrDefault(p => p.Name == name) is { } problem)
        {
            var restore = problem.InForce.Canonical;
            var what = operation == "Delete" ? $"{name} was deleted." : $"{name} was set to a value that is not allowed.";
            var message = $"{what} {problem.Message} It is written back to {catalog.FullName(name)}.";
            return new ParameterChange(ChangeActions.Restore, name, operation, problem.Message, restore, null,
                new NotificationText(ParameterKinds.ParameterRejected, $"Parameter rejected: {name}", message));
        }

        var value = resolved.Values[name].Canonical;
        return new ParameterChange(
            ChangeActions.Apply,
            name,
            operation,
            catalog.AppliesDescriptions.GetValueOrDefault(definition.Applies, definition.Applies),
            value,
            Schedule(definition.Applies, inForce.Operator, resolved),
            null);
    }

    private static ScheduleRequest? Schedule(string applies, OperatorSettings settings, ResolvedParameters resolved) =>
        ScheduleNames.ForApplies(applies) switch
        {
            ScheduleNames.Training => new ScheduleRequest(ScheduleNames.Training, settings.Training.Enabled, (long)settings.Training.PollEvery.TotalMinutes),
            ScheduleNames.Audit => new ScheduleRequest(ScheduleNames.Audit, settings.Audit.Enabled, (long)settings.Audit.RunEvery.TotalMinutes),

            // The digest has no switch of its own: it only mails when it has something to say.
            ScheduleNames.Digest => new ScheduleRequest(ScheduleNames.Digest, true, resolved.Integer("Notification-Digest-Frequency")),
            _ => null,
        };

    private static (string? Name, string? Operation, string? Unreadable) ReadEvent(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return (null, null, $"the event is a JSON {root.ValueKind}, not a {DetailType} event");
        }

        var detailType = root.TryGetProperty("detail-type", out var type) ? type.ToString() : null;
        if (detailType != DetailType)
        {
            return (null, null, $"detail-type is {Printable.Quote(detailType)}, not \"{DetailType}\"");
        }

        if (!root.TryGetProperty("detail", out var detail) || detail.ValueKind != JsonValueKind.Object
            || !detail.TryGetProperty("name", out var nameElement) || nameElement.ValueKind != JsonValueKind.String
            || string.IsNullOrWhiteSpace(nameElement.GetString()))
        {
            return (null, null, "the event has no detail.name naming the parameter");
        }

        var operation = detail.TryGetProperty("operation", out var op) && op.ValueKind == JsonValueKind.String ? op.GetString() : null;
        return (nameElement.GetString(), operation, null);
    }

    private static ParameterChange Ignore(string? name, string? operation, string reason) =>
        new(ChangeActions.Ignore, name, operation, reason, null, null, null);
}
