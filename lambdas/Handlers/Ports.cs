using ContinuousImprovement.Core.Parameters;
using ContinuousImprovement.Core.Ports;

namespace ContinuousImprovement.Handlers;

/// <summary>
/// Everything a handler may touch outside itself: the port instances (AWS clients in the Lambda host, local
/// adapters in the twin) and the clock. Handlers get this at construction and nothing else.
/// </summary>
public sealed record Ports(
    IObjectStore Objects,
    IParameterStore Parameters,
    IModelRuntime Models,
    IInferenceLog Inferences,
    IHumanReview Reviews,
    INotifier Notifier,
    INotificationDigest Digest,
    TimeProvider Time)
{
    /// <summary>
    /// The operator parameter catalog; a deployment under another prefix passes <see cref="ParameterCatalog.WithPrefix"/>,
    /// one that lacks some choices <see cref="ParameterCatalog.Limited"/>.
    /// </summary>
    public ParameterCatalog Catalog { get; init; } = ParameterCatalog.Default;

    /// <summary>The schedules parameters re-time; only the parameter-apply workflow uses them, so hosts without it may leave this null.</summary>
    public ISchedules? Schedules { get; init; }

    /// <summary>
    /// Training and hosting model versions; only the training workflow's handlers need it, so hosts that serve
    /// other workflows leave it unset and those handlers say so (<c>Handler.InvalidState</c>) instead of failing oddly.
    /// </summary>
    public IModelTraining? Training { get; init; }

    /// <summary>The leases that keep the system parameter's writers from interleaving (see <c>SystemStateStore</c>).</summary>
    public required ILeases Leases { get; init; }
}
