using ContinuousImprovement.Asl.Definition;
using ContinuousImprovement.Asl.Runtime;
using ContinuousImprovement.Asl.Json;
using ContinuousImprovement.Asl.Paths;

namespace ContinuousImprovement.Asl.States;

/// <summary>Waits for a number of seconds or until a timestamp, on the engine's clock.</summary>
internal sealed class WaitState : State
{
    private readonly InputOutput io;
    private readonly double? seconds;
    private readonly DateTimeOffset? timestamp;
    private readonly ReferencePath? secondsPath;
    private readonly ReferencePath? timestampPath;

    public WaitState(string name, FieldReader reader)
        : base(name, reader, transitions: true)
    {
        io = new InputOutput(reader, parameters: false, resultSelector: false, resultPath: false);
        seconds = reader.Number("Seconds", 0, 99999999, integer: true);
        var timestampText = reader.String("Timestamp");
        if (timestampText is not null)
        {
            if (Timestamps.TryParse(timestampText, out var at))
            {
                timestamp = at;
            }
            else
            {
                reader.Problem($"'Timestamp' '{timestampText}' is not an RFC 3339 timestamp like 2026-01-01T00:00:00Z");
            }
        }

        secondsPath = reader.ReferencePath("SecondsPath").Value;
        timestampPath = reader.ReferencePath("TimestampPath").Value;
        var given = new object?[] { seconds, timestampText, secondsPath, timestampPath }.Count(v => v is not null);
        if (given != 1)
        {
            reader.Problem("needs exactly one of 'Seconds', 'SecondsPath', 'Timestamp' or 'TimestampPath'");
        }
    }

    public override HistoryEventType EnteredEvent => HistoryEventType.WaitStateEntered;

    public override HistoryEventType? ExitedEvent => HistoryEventType.WaitStateExited;

    public override async ValueTask<StateOutcome> RunAsync(JsonValue input, StateScope scope)
    {
        var effective = io.SelectInput(input, scope);
        var clock = scope.Run.Clock;
        var delay = seconds is { } s ? TimeSpan.FromSeconds(s)
            : timestamp is { } at ? at - clock.Now
            : secondsPath is not null ? TimeSpan.FromSeconds(SecondsFrom(effective, scope))
            : TimestampFrom(effective, scope) - clock.Now;
        await clock.DelayAsync(delay, scope.Run.Cancellation).ConfigureAwait(false);
        return Done(io.SelectOutput(effective, scope));
    }

    private double SecondsFrom(JsonValue input, StateScope scope) =>
        secondsPath!.TryGet(input, out var value) && value is JsonNumber { IsInteger: true, Value: >= 0 and <= 99999999 } n
            ? n.Value
            : throw new AslRuntimeException(StatesErrors.Runtime, $"The SecondsPath '{secondsPath}' of state '{scope.StateName}' does not select a whole number of seconds from 0 to 99999999.");

    private DateTimeOffset TimestampFrom(JsonValue input, StateScope scope) =>
        timestampPath!.TryGet(input, out var value) && value is JsonString s && Timestamps.TryParse(s.Value, out var at)
            ? at
            : throw new AslRuntimeException(StatesErrors.Runtime, $"The TimestampPath '{timestampPath}' of state '{scope.StateName}' does not select an RFC 3339 timestamp.");
}
