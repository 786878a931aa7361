using ContinuousImprovement.Asl.Definition;
using ContinuousImprovement.Asl.Runtime;
using ContinuousImprovement.Asl.Json;
using ContinuousImprovement.Asl.Paths;
using ContinuousImprovement.Asl.Processing;

namespace ContinuousImprovement.Asl.States;

/// <summary>
/// Inline Map: runs the item processor once per item of the array at ItemsPath, at most MaxConcurrency at a
/// time (0: no limit); the result is the iterations' outputs in item order. Without a tolerated failure
/// count or percentage, one failed iteration fails the state and stops the others; with one, failed items
/// leave their error object in the result until the tolerance is exceeded.
/// </summary>
internal sealed class MapState : State
{
    private readonly InputOutput io;
    private readonly ErrorHandling errors;
    private readonly ReferencePath? itemsPath;
    private readonly PayloadTemplate? itemSelector;
    private readonly Program? processor;
    private readonly int maxConcurrency;
    private readonly ReferencePath? maxConcurrencyPath;
    private readonly double? toleratedCount;
    private readonly double? toleratedPercentage;
    private readonly ReferencePath? toleratedCountPath;
    private readonly ReferencePath? toleratedPercentagePath;

    public MapState(string name, FieldReader reader, LoadContext context)
        : base(name, reader, transitions: true)
    {
        io = new InputOutput(reader, parameters: false, resultSelector: true, resultPath: true);
        errors = new ErrorHandling(reader);
        itemsPath = reader.ReferencePath("ItemsPath").Value;
        var selectorField = reader.Has("ItemSelector") ? "ItemSelector" : "Parameters";
        if (reader.Has("ItemSelector") && reader.Has("Parameters"))
        {
            reader.Problem("has both 'ItemSelector' and its legacy name 'Parameters'");
        }

        itemSelector = reader.Template(selectorField);
        var processorField = reader.Has("ItemProcessor") ? "ItemProcessor" : "Iterator";
        var processorObject = reader.Object(processorField);
        if (processorObject is null)
        {
            reader.Problem("needs an 'ItemProcessor' (or legacy 'Iterator')");
        }
        else
        {
            var processorReader = new FieldReader(processorObject, $"{reader.Where}.{processorField}", reader.Problems);
            if (processorReader.Object("ProcessorConfig") is { } config && config["Mode"] is JsonString { Value: not "INLINE" } mode)
            {
                processorReader.Problem($"ProcessorConfig Mode '{mode.Value}' is not supported locally (INLINE only)");
            }

            processor = Program.Read(processorReader, context);
            processorReader.RejectUnknownFields();
        }

        maxConcurrency = (int)(reader.Number("MaxConcurrency", 0, int.MaxValue, integer: true) ?? 0);
        maxConcurrencyPath = reader.ReferencePath("MaxConcurrencyPath").Value;
        toleratedCount = reader.Number("ToleratedFailureCount", 0, int.MaxValue, integer: true);
        toleratedPercentage = reader.Number("ToleratedFailurePercentage", 0, 100);
        toleratedCountPath = reader.ReferencePath("ToleratedFailureCountPath").Value;
        toleratedPercentagePath = reader.ReferencePath("ToleratedFailurePercentagePath").Value;
        reader.RefuseWithItsPath("MaxConcurrency");
        reader.RefuseWithItsPath("ToleratedFailureCount");
        reader.RefuseWithItsPath("ToleratedFailurePercentage");
        reader.String("Label");
        foreach (var distributedOnly in new[] { "ItemReader", "ItemBatcher", "ResultWriter" })
        {
            if (reader.Raw(distributedOnly) is not null)
            {
                reader.Problem($"'{distributedOnly}' (distributed Map) is not supported locally");
            }
        }
    }

    public override HistoryEventType EnteredEvent => HistoryEventType.MapStateEntered;

    public override HistoryEventType? ExitedEvent => HistoryEventType.MapStateExited;

    public override IEnumerable<string> Transitions => base.Transitions.Concat(errors.Transitions);

    private bool Tolerates => toleratedCount is not null || toleratedPercentage is not null || toleratedCountPath is not null || toleratedPercentagePath is not null;

    public override ValueTask<StateOutcome> RunAsync(JsonValue input, StateScope scope) => errors.RunAsync(input, scope, RunOnceAsync);

    private async ValueTask<StateOutcome> RunOnceAsync(JsonValue input, StateScope scope)
    {
        var effective = io.SelectInput(input, scope);
        var items = Items(effective, scope);
        var (maxFailures, maxPercentage) = Tolerance(effective, scope);
        var run = scope.Run;
        run.Record(HistoryEventType.MapStateStarted, Name);
        var results = new JsonValue[items.Count];
        var failures = 0;
        using var siblings = CancellationTokenSource.CreateLinkedTokenSource(run.Cancellation);
        var iterationRun = run.WithCancellation(siblings.Token);
        var next = -1;

        async Task WorkerAsync()
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < items.Count)
            {
                var item = new MapItem(index, items[index]);
                run.Record(HistoryEventType.MapIterationStarted, Name, index: index);
                try
                {
                    var itemInput = itemSelector is null ? items[index] : itemSelector.Evaluate(effective, new StateScope(iterationRun, Name, item));
                    results[index] = await processor!.RunAsync(itemInput, iterationRun, item).ConfigureAwait(false);
                    run.Record(HistoryEventType.MapIterationSucceeded, Name, index: index);
                }
                catch (AslRuntimeException e) when (!run.Cancellation.IsCancellationRequested)
                {
                    run.Record(HistoryEventType.MapIterationFailed, Name, index: index, error: e.Error, cause: e.Cause);
                    var failed = Interlocked.Increment(ref failures);
                    if (!Tolerates || Exceeds(failed, items.Count, maxFailures, maxPercentage))
                    {
                        await siblings.CancelAsync().ConfigureAwait(false);
                        throw Tolerates
                            ? new AslRuntimeException(StatesErrors.ExceedToleratedFailureThreshold, $"Map state '{Name}' exceeded its tolerated failures ({failed} of {items.Count} items failed).")
                            : e;
                    }

                    results[index] = new JsonObject.Builder(2).Set("Error", JsonValue.From(e.Error)).Set("Cause", JsonValue.From(e.Cause)).Build();
                }
            }
        }

        var limit = Concurrency(effective, scope);
        var workers = new Task[Math.Max(1, Math.Min(items.Count, limit == 0 ? items.Count : limit))];
        for (var i = 0; i < workers.Length; i++)
        {
            workers[i] = WorkerAsync();
        }

        try
        {
            await Task.WhenAll(workers).ConfigureAwait(false);
        }
        catch (Exception) when (ParallelState.FirstFailure(workers) is { } failure)
        {
            run.Record(HistoryEventType.MapStateFailed, Name, error: failure.Error, cause: failure.Cause);
            throw failure;
        }

        run.Record(HistoryEventType.MapStateSucceeded, Name);
        return Done(io.Output(input, new JsonArray(results), scope));
    }

    private static bool Exceeds(int failed, int total, double? count, double? percentage) =>
        (count is { } most && failed > most)
        || (percentage is { } share && failed * 100.0 / total > share);

    private (double? Count, double? Percentage) Tolerance(JsonValue effective, StateScope scope) =>
        (toleratedCount ?? FromPath(toleratedCountPath, effective, scope, 0, int.MaxValue),
         toleratedPercentage ?? FromPath(toleratedPercentagePath, effective, scope, 0, 100));

    private static double? FromPath(ReferencePath? path, JsonValue effective, StateScope scope, double minimum, double maximum)
    {
        if (path is null)
        {
            return null;
        }

        return path.TryGet(effective, out var value) && value is JsonNumber n && n.Value >= minimum && n.Value <= maximum
            ? n.Value
            : throw new AslRuntimeException(StatesErrors.Runtime, $"Map state '{scope.StateName}': '{path}' does not select a number from {minimum} to {maximum}.");
    }

    private JsonArray Items(JsonValue effective, StateScope scope)
    {
        var found = itemsPath is null ? effective : itemsPath.TryGet(effective, out var value) ? value : null;
        return found as JsonArray
            ?? throw new AslRuntimeException(StatesErrors.Runtime, $"Map state '{Name}': ItemsPath '{itemsPath?.ToString() ?? "$"}' {(found is null ? "selects nothing" : "does not select an array")} in '{ValueSource.Abbreviated(effective)}'.");
    }

    private int Concurrency(JsonValue effective, StateScope scope)
    {
        if (maxConcurrencyPath is null)
        {
            return maxConcurrency;
        }

        return maxConcurrencyPath.TryGet(effective, out var value) && value is JsonNumber { IsInteger: true, Value: >= 0 and <= int.MaxValue } n
            ? (int)n.Value
            : throw new AslRuntimeException(StatesErrors.Runtime, $"Map state '{scope.StateName}': MaxConcurrencyPath '{maxConcurrencyPath}' does not select a whole number.");
    }
}
