using ContinuousImprovement.Asl.Runtime;

namespace ContinuousImprovement.Local.Twin.Integrations;

/// <summary>
/// The state machines a twin knows by ARN, so <c>states:startExecution</c> in one of them starts another on the
/// twin's engine as Step Functions does; an ARN not here fails the task with StateMachineDoesNotExist.
/// </summary>
public sealed class TwinStateMachines
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, StateMachine> byArn = new(StringComparer.Ordinal);

    /// <summary>Adds (or replaces, as an update of the definition would) a machine under its ARN.</summary>
    public void Add(StateMachine machine)
    {
        ArgumentNullException.ThrowIfNull(machine);
        lock (gate)
        {
            byArn[machine.Arn] = machine;
        }
    }

    public StateMachine? Find(string arn)
    {
        lock (gate)
        {
            return byArn.GetValueOrDefault(arn);
        }
    }
}
