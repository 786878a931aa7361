using ContinuousImprovement.Asl.Json;
using ContinuousImprovement.Asl.Tasks;

namespace ContinuousImprovement.Asl.Runtime;

/// <summary>
/// One entry of an execution's history. Inputs and outputs are kept as the immutable values the states
/// passed on, so recording an event costs no serialization; events are values stored side by side, so a
/// retained history is one array rather than hundreds of small objects for the collector to trace.
/// </summary>
/// <remarks>
/// Task events keep the state's name too (AWS's details do not have it, so it is not printed), because finding
/// a state's task events by name is what tests and tools do.
/// </remarks>
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
    int? Index,
    TaskEventTarget? Task = null)
{
    /// <summary>Events are recorded in one sequence, so each follows the one before it.</summary>
    public long PreviousEventId => Id - 1;

    public DateTimeOffset Timestamp => new(TimestampTicks, TimeSpan.Zero);

    /// <summary>The event in the JSON shape of <c>aws stepfunctions get-execution-history</c>.</summary>
    public JsonObject ToJson()
    {
        var details = Type switch
        {
            HistoryEventType.TaskScheduled or HistoryEventType.TaskStarted or HistoryEventType.TaskSubmitted
                or HistoryEventType.TaskSucceeded or HistoryEventType.TaskFailed or HistoryEventType.TaskTimedOut when Task is not null => TaskDetails(Task),
            HistoryEventType.LambdaFunctionScheduled => LambdaScheduledDetails(),
            HistoryEventType.LambdaFunctionStarted => new JsonObject.Builder(0),
            HistoryEventType.LambdaFunctionSucceeded or HistoryEventType.LambdaFunctionFailed or HistoryEventType.LambdaFunctionTimedOut => OutcomeDetails(new JsonObject.Builder(2)),
            _ => StateDetails(),
        };

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

    private JsonObject.Builder StateDetails()
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

        return OutcomeDetails(details);
    }

    /// <summary>TaskScheduledEventDetails and its siblings: the service and action, then what this event adds.</summary>
    private JsonObject.Builder TaskDetails(TaskEventTarget task)
    {
        var details = new JsonObject.Builder(6)
            .Set("resourceType", JsonValue.From(task.ResourceType))
            .Set("resource", JsonValue.From(task.Resource));
        if (Type != HistoryEventType.TaskScheduled)
        {
            return OutcomeDetails(details);
        }

        details.Set("region", JsonValue.From(task.Region))
            .Set("parameters", JsonValue.From((Input ?? JsonObject.Empty).ToJson()));
        if (task.TimeoutInSeconds is { } timeout)
        {
            details.Set("timeoutInSeconds", JsonValue.From(timeout));
        }

        if (task.HeartbeatInSeconds is { } heartbeat)
        {
            details.Set("heartbeatInSeconds", JsonValue.From(heartbeat));
        }

        return details;
    }

    /// <summary>LambdaFunctionScheduledEventDetails: the function ARN, its input and the state's timeout.</summary>
    private JsonObject.Builder LambdaScheduledDetails()
    {
        var details = new JsonObject.Builder(3);
        if (Resource is not null)
        {
            details.Set("resource", JsonValue.From(Resource));
        }

        if (Input is not null)
        {
            details.Set("input", JsonValue.From(Input.ToJson()));
        }

        if (Task?.TimeoutInSeconds is { } timeout)
        {
            details.Set("timeoutInSeconds", JsonValue.From(timeout));
        }

        return details;
    }

    private JsonObject.Builder OutcomeDetails(JsonObject.Builder details)
    {
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

        return details;
    }
}
