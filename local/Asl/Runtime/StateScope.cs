using ContinuousImprovement.Asl.Json;

namespace ContinuousImprovement.Asl.Runtime;

/// <summary>
/// One visit of one state: the facts <c>$$.State</c> and <c>$$.Map.Item</c> expose. The context object is
/// only built when a path or intrinsic of the state reads it.
/// </summary>
internal sealed class StateScope
{
    private JsonValue? context;

    public StateScope(ExecutionRun run, string stateName, MapItem? mapItem)
    {
        Run = run;
        StateName = stateName;
        MapItem = mapItem;
        EnteredTime = run.Clock.Now;
    }

    public ExecutionRun Run { get; }

    public string StateName { get; }

    public MapItem? MapItem { get; }

    public DateTimeOffset EnteredTime { get; }

    public int RetryCount { get; set; }

    public JsonValue Context
    {
        get
        {
            if (context is not null)
            {
                return context;
            }

            var state = new JsonObject.Builder(3)
                .Set("EnteredTime", JsonValue.From(Timestamps.Format(EnteredTime)))
                .Set("Name", JsonValue.From(StateName))
                .Set("RetryCount", JsonValue.From(RetryCount))
                .Build();
            var built = Run.ExecutionContext.With("State", state);
            if (MapItem is { } item)
            {
                built = built.With("Map", new JsonObject.Builder(1)
                    .Set("Item", new JsonObject.Builder(2).Set("Index", JsonValue.From(item.Index)).Set("Value", item.Value).Build())
                    .Build());
            }

            return context = built;
        }
    }

    /// <summary>Forgets the built context (the retry count changed).</summary>
    public void Invalidate() => context = null;
}

/// <summary>The item a Map iteration works on, for <c>$$.Map.Item</c>.</summary>
internal sealed record MapItem(int Index, JsonValue Value);
