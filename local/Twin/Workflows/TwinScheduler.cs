using ContinuousImprovement.Local.Adapters;

namespace ContinuousImprovement.Local.Twin.Workflows;

/// <summary>
/// EventBridge schedules for the twin: reads the schedules the parameter-apply workflow keeps (enabled, period) and
/// starts the matching workflow when its period has passed on the twin's clock. A schedule that was due several
/// times while nobody ticked fires once, not once per missed period, so a twin resumed after a pause is not flooded.
/// </summary>
public sealed class TwinScheduler(FileSchedules schedules, IReadOnlyDictionary<string, ScheduledWorkflow> workflows, TwinEventBus bus, DateTimeOffset start)
{
    private readonly Dictionary<string, DateTimeOffset> lastFired = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    /// <summary>Starts every enabled schedule whose period has passed since it last fired; answers the ones started.</summary>
    public IReadOnlyList<string> Tick(DateTimeOffset now)
    {
        var started = new List<string>();
        lock (gate)
        {
            foreach (var (name, setting) in schedules.All())
            {
                if (!setting.Enabled || !workflows.TryGetValue(name, out var target))
                {
                    continue;
                }

                var since = lastFired.GetValueOrDefault(name, start);
                if (now - since >= setting.Every)
                {
                    lastFired[name] = now;
                    bus.Start(target.Workflow, target.Input);
                    started.Add(name);
                }
            }
        }

        return started;
    }

    /// <summary>
    /// Starts a schedule's workflow now, with the schedule's input, whether it is enabled or not: what an operator
    /// does with "start execution" in the console to run the training check without waiting.
    /// </summary>
    public void StartNow(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var target = workflows.TryGetValue(name, out var found) ? found : throw new ArgumentException($"No schedule is named {name}; known: {string.Join(", ", workflows.Keys)}.", nameof(name));
        bus.Start(target.Workflow, target.Input);
    }

    /// <summary>When each enabled schedule fires next, for <c>improve status</c>.</summary>
    public IReadOnlyDictionary<string, DateTimeOffset> NextRuns()
    {
        lock (gate)
        {
            return schedules.All()
                .Where(s => s.Value.Enabled && workflows.ContainsKey(s.Key))
                .ToDictionary(s => s.Key, s => lastFired.GetValueOrDefault(s.Key, start) + s.Value.Every, StringComparer.Ordinal);
        }
    }
}
