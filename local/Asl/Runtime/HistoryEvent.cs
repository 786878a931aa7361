using ContinuousImprovement.Asl.Json;

namespace ContinuousImprovement.Asl.Runtime;

/// <summary>
/// One entry of an execution's history. Inputs and outputs are kept as the immutable values the states
/// passed on, so recording an event costs no serialization; events are values stored side by side, so a
/// retained history is one array rather than hundreds of small objects for the collector to trace.
/// </summary>
public readonly record struct HistoryEvent(
    long Id,
    long TimestampTicks,
    HistoryEventType Type,
    string? StateName,
    JsonValue? Input,
    JsonValue? Output,
    string? Resource,
    string? Error,
    string? Cause,
    int? Index)
{
    /// <summary>Events are recorded in one sequence, so each follows the one before it.</summary>
    public long PreviousEventId => Id - 1;

    public DateTimeOffset Timestamp => new(TimestampTicks, TimeSpan.Zero);

    /// <summary>The event in the JSON shape of <c>aws stepfunctions get-execution-history</c>.</summary>
    public JsonObject ToJson()
    {
        var details = new JsonObject.Builder();
        if (StateName is not null)
        {
            details.Set("name", JsonValue.From(StateName));
        }

        if (Resource is not null)
        {
            details.Set("resource", JsonValue.From(Resource));
        }

        if (Index is not null)
        {
            details.Set("index", JsonValue.From(Index.Value));
        }

        if (Input is not null)
        {
            details.Set("input", JsonValue.From(Input.ToJson()));
        }

        if (Output is not null)
        {
            details.Set("output", JsonValue.From(Output.ToJson()));
        }

        if (Error is not null)
        {
            details.Set("error", JsonValue.From(Error));
        }

        if (Cause is not null)
        {
            details.Set("cause", JsonValue.From(Cause));
        }

        var typeName = Type.ToString();
        // AWS names one details member for all state types: stateEnteredEventDetails, stateExitedEventDetails.
        var detailsKey = typeName.EndsWith("StateEntered", StringComparison.Ordinal) ? "stateEnteredEventDetails"
            : typeName.EndsWith("StateExited", StringComparison.Ordinal) ? "stateExitedEventDetails"
            : char.ToLowerInvariant(typeName[0]) + typeName[1..] + "EventDetails";
        var builder = new JsonObject.Builder(5)
            .Set("timestamp", JsonValue.From(Timestamp.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture)))
            .Set("type", JsonValue.From(typeName))
            .Set("id", JsonValue.From(Id))
            .Set("previousEventId", JsonValue.From(PreviousEventId));
        if (details.Count > 0)
        {
            builder.Set(detailsKey, details.Build());
        }

        return builder.Build();
    }
}
