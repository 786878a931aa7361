using ContinuousImprovement.Asl.Definition;
using ContinuousImprovement.Asl.Runtime;
using ContinuousImprovement.Asl.Json;

namespace ContinuousImprovement.Asl.States;

/// <summary>
/// A set of states with a StartAt: the whole machine, a Parallel branch or a Map item processor. States
/// move only within their own program.
/// </summary>
internal sealed class Program
{
    private readonly Dictionary<string, State> states;

    private Program(string startAt, Dictionary<string, State> states)
    {
        StartAt = startAt;
        this.states = states;
    }

    public string StartAt { get; }

    public IReadOnlyDictionary<string, State> States => states;

    public static Program? Read(FieldReader reader, LoadContext context)
    {
        reader.String("Comment");
        reader.String("Version");
        var language = reader.String("QueryLanguage");
        if (language is not null and not "JSONPath")
        {
            reader.Problem($"QueryLanguage '{language}' is not supported by this engine (JSONPath only)");
        }

        var startAt = reader.String("StartAt", required: true);
        var stateObjects = reader.Object("States", required: true);
        if (startAt is null || stateObjects is null)
        {
            return null;
        }

        var states = new Dictionary<string, State>(StringComparer.Ordinal);
        foreach (var (name, value) in stateObjects)
        {
            var where = $"{reader.Where}.States['{name}']";
            if (name.Length is 0 or > 80)
            {
                context.Problems.Add($"{where}: a state name must have 1 to 80 characters");
            }

            if (!context.StateNames.Add(name))
            {
                context.Problems.Add($"state '{name}': another state already has this name; state names must be unique in the whole state machine, Parallel branches and Map item processors included");
            }

            if (value is not JsonObject obj)
            {
                context.Problems.Add($"{where}: must be an object");
                continue;
            }

            var stateReader = new FieldReader(obj, $"state '{name}'", context.Problems);
            if (ReadState(name, stateReader, context) is { } state)
            {
                stateReader.RejectUnknownFields();
                states[name] = state;
            }
        }

        var program = new Program(startAt, states);
        program.Validate(reader);
        return program;
    }

    public async ValueTask<JsonValue> RunAsync(JsonValue input, ExecutionRun run, MapItem? item)
    {
        var name = StartAt;
        var data = input;
        while (true)
        {
            run.Cancellation.ThrowIfCancellationRequested();
            var state = states[name];
            var scope = new StateScope(run, name, item);
            run.Record(state.EnteredEvent, name, input: data);
            var outcome = await state.RunAsync(data, scope).ConfigureAwait(false);
            if (outcome.IsFailure)
            {
                throw outcome.ToException();
            }

            if (outcome.Output.Utf8Size() > TaskState.MaxPayloadBytes)
            {
                throw new AslRuntimeException(StatesErrors.DataLimitExceeded, $"The output of state '{name}' is larger than {TaskState.MaxPayloadBytes} bytes.");
            }

            if (state.ExitedEvent is { } exited)
            {
                run.Record(exited, name, output: outcome.Output);
            }

            if (outcome.Next is null)
            {
                return outcome.Output;
            }

            name = outcome.Next;
            data = outcome.Output;
        }
    }

    private static State? ReadState(string name, FieldReader reader, LoadContext context)
    {
        var type = reader.String("Type", required: true);
        return type switch
        {
            null => null,
            "Pass" => new PassState(name, reader),
            "Task" => new TaskState(name, reader, context.Registry),
            "Choice" => new ChoiceState(name, reader),
            "Wait" => new WaitState(name, reader),
            "Succeed" => new SucceedState(name, reader),
            "Fail" => new FailState(name, reader),
            "Parallel" => new ParallelState(name, reader, context),
            "Map" => new MapState(name, reader, context),
            _ => Unknown(reader, type),
        };
    }

    private static State? Unknown(FieldReader reader, string type)
    {
        reader.Problem($"unknown state type '{type}'");
        return null;
    }

    private void Validate(FieldReader reader)
    {
        if (!states.ContainsKey(StartAt))
        {
            reader.Problem($"StartAt '{StartAt}' is not a state");
            return;
        }

        foreach (var state in states.Values)
        {
            foreach (var next in state.Transitions)
            {
                if (!states.ContainsKey(next))
                {
                    reader.Problems.Add($"state '{state.Name}': moves to '{next}', which is not a state here");
                }
            }
        }

        // Step Functions refuses states that nothing leads to: they are almost always a typo in a Next.
        var reached = new HashSet<string>(StringComparer.Ordinal) { StartAt };
        var pending = new Stack<string>([StartAt]);
        while (pending.TryPop(out var current))
        {
            foreach (var next in states[current].Transitions.Where(states.ContainsKey))
            {
                if (reached.Add(next))
                {
                    pending.Push(next);
                }
            }
        }

        foreach (var name in states.Keys.Where(n => !reached.Contains(n)))
        {
            reader.Problems.Add($"state '{name}': is not reachable from StartAt '{StartAt}'");
        }
    }
}
