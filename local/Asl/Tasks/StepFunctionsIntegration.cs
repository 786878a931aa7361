using ContinuousImprovement.Asl.Json;
using ContinuousImprovement.Asl.Runtime;

namespace ContinuousImprovement.Asl.Tasks;

/// <summary>
/// The optimized <c>states:startExecution</c> integration on the local engine: a state machine starts another
/// one by ARN, as Step Functions does. The plain resource returns at once with the new execution's ARN and
/// start date; <c>.sync</c> waits and returns the finished execution (failing the task when the child fails).
/// <paramref name="started"/> hears of every child execution started, as a host keeping its own list of executions
/// (the twin's journal) must.
/// </summary>
public sealed class StepFunctionsIntegration(AslEngine engine, Func<string, StateMachine?> machineByArn, Action<StateMachine, Execution>? started = null)
{
    public const string StartExecution = "arn:aws:states:::states:startExecution";
    public const string StartExecutionSync = "arn:aws:states:::states:startExecution.sync";

    /// <summary>Registers both forms of the integration.</summary>
    public TaskRegistry AddTo(TaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry
            .AddResource(StartExecution, new DelegateTaskHandler((invocation, _) => new ValueTask<TaskResult>(Start(invocation))))
            .AddResource(StartExecutionSync, new DelegateTaskHandler((invocation, _) => StartAndWaitAsync(invocation)));
    }

    private TaskResult Start(TaskInvocation invocation)
    {
        if (!TryStart(invocation, out var execution, out var failure))
        {
            return failure;
        }

        return StartResponse(execution);
    }

    private static JsonObject StartResponse(Execution execution) =>
        new JsonObject.Builder(2)
            .Set("ExecutionArn", JsonValue.From(execution.Arn))
            .Set("StartDate", JsonValue.From(Timestamps.Format(execution.StartDate)))
            .Build();

    private async ValueTask<TaskResult> StartAndWaitAsync(TaskInvocation invocation)
    {
        if (!TryStart(invocation, out var execution, out var failure))
        {
            return failure;
        }

        invocation.Submitted(StartResponse(execution));
        var finished = await execution.Completion.ConfigureAwait(false);
        if (finished.Status != ExecutionStatus.Succeeded)
        {
            return TaskResult.Failure("States.TaskFailed", $"Execution {finished.Arn} ended {finished.Status}: {finished.Error} {finished.Cause}".TrimEnd());
        }

        // The .sync integration returns DescribeExecution's shape, Output as JSON text.
        var describe = finished.DescribeJson();
        return JsonObject.From(describe.Select(m => new KeyValuePair<string, JsonValue>(char.ToUpperInvariant(m.Key[0]) + m.Key[1..], m.Value)));
    }

    private bool TryStart(TaskInvocation invocation, out Execution execution, out TaskResult failure)
    {
        execution = null!;
        failure = default;
        if (invocation.Input is not JsonObject parameters || parameters["StateMachineArn"] is not JsonString arn)
        {
            failure = TaskResult.Failure("States.Runtime", $"State '{invocation.StateName}' calls states:startExecution without a StateMachineArn string.");
            return false;
        }

        if (machineByArn(arn.Value) is not { } machine)
        {
            failure = TaskResult.Failure("StepFunctions.StateMachineDoesNotExistException", $"State Machine Does Not Exist: '{arn.Value}'");
            return false;
        }

        try
        {
            // Input may be given as an object or as JSON text, as the API accepts.
            var input = parameters["Input"] switch
            {
                null => JsonObject.Empty,
                JsonString text => JsonValue.Parse(text.Value),
                var value => value,
            };
            execution = engine.Start(machine, input, (parameters["Name"] as JsonString)?.Value);
        }
        catch (InvalidOperationException e)
        {
            failure = TaskResult.Failure("StepFunctions.ExecutionAlreadyExistsException", e.Message);
            return false;
        }
        catch (Exception e) when (e is ArgumentException or System.Text.Json.JsonException)
        {
            failure = TaskResult.Failure("StepFunctions.InvalidExecutionInputException", e.Message);
            return false;
        }

        // Outside the try: the host's own failure is not the start's, and the child runs whatever the host does.
        started?.Invoke(machine, execution);
        return true;
    }
}
