using System.Text.Json.Nodes;
using ContinuousImprovement.Asl.Runtime;
using ContinuousImprovement.Asl.Tasks;
using ContinuousImprovement.Core.Drift;
using ContinuousImprovement.Core.Notifications;
using ContinuousImprovement.Core.Parameters;
using ContinuousImprovement.Core.Ports;
using ContinuousImprovement.Core.Sampling;
using ContinuousImprovement.Core.State;
using ContinuousImprovement.Handlers;
using ContinuousImprovement.Handlers.Invocation;
using ContinuousImprovement.Handlers.OperationsDigest;
using ContinuousImprovement.Local.Adapters;
using ContinuousImprovement.Workflows.Tests.Twin;

namespace ContinuousImprovement.Workflows.Tests.OperationsDigest;

/// <summary>
/// The operations-digest workflow as the twin will run it: the real <c>statemachine/operations-digest.asl.json</c> on
/// the engine with virtual time, every handler from the catalog, every port a local adapter over a temp folder, the
/// catalog defaults as parameters. Human labels are logged straight into the inference log for the serving version, and
/// notifications straight into the digest store, as the other workflows leave them. One port method can be made faulty
/// (see <see cref="PortFault"/>), and healed for the next run.
/// </summary>
internal sealed class OperationsTwin : IDisposable
{
    public const string Bucket = "ci-uploads";
    public const string ServingArn = "arn:aws:rekognition:us-east-1:123456789012:project/ci/version/ci.2026-02-01/1769904000000";
    public const string RandomReason = "random: draw vs rate: 0.0123 < 0.05 (seed 7)";
    public const string UncertainReason = "below-threshold: top confidence 41.7 < 70 (cat)";

    private readonly TempFolder folder = new();
    private readonly StateMachine machine;
    private readonly AslEngine engine;
    private int images;

    private OperationsTwin(PortFault? fault)
    {
        var time = new ClockTimeProvider(Clock);
        Objects = new FolderObjectStore(folder["buckets"], time);
        Parameters = new FileParameterStore(folder["parameters.json"], time);
        Inferences = new SqliteInferenceLog(folder["inference-log.db"]);
        Outbox = new JsonlOutbox(folder["outbox.jsonl"]);
        Digest = new JsonlNotificationDigest(folder["digest.jsonl"]);
        Ports = new Ports(
            FaultyMethod<IObjectStore>.Wrap(Objects, fault),
            FaultyMethod<IParameterStore>.Wrap(Parameters, fault),
            new LocalModelRuntime(folder["models"], Objects),
            FaultyMethod<IInferenceLog>.Wrap(Inferences, fault),
            FaultyMethod<IHumanReview>.Wrap(new LocalHumanReview(folder["reviews"], time), fault),
            FaultyMethod<INotifier>.Wrap(Outbox, fault),
            FaultyMethod<INotificationDigest>.Wrap(Digest, fault),
            time)
        {
            Leases = new SqliteLeases(folder["leases.db"]),
        };

        var registry = new TaskRegistry();
        var substitutions = CatalogTaskHandler.Register(registry, new HandlerCatalog(Ports), OperationsDigestWorkflow.Functions);
        machine = StateMachine.Load(File.ReadAllText(RepositoryPaths.InRepository(OperationsDigestWorkflow.DefinitionFile)), "OperationsDigest", registry, substitutions);
        engine = new AslEngine(new AslEngineOptions { Clock = Clock });
    }

    public VirtualClock Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.Zero));

    public FolderObjectStore Objects { get; }

    public FileParameterStore Parameters { get; }

    public SqliteInferenceLog Inferences { get; }

    public JsonlOutbox Outbox { get; }

    public JsonlNotificationDigest Digest { get; }

    public Ports Ports { get; }

    public static ParameterCatalog Catalog => ParameterCatalog.Default;

    /// <summary>A twin with the catalog defaults and, unless <paramref name="servingF1"/> is null, a version serving since yesterday with that F1.</summary>
    public static async Task<OperationsTwin> StartAsync(double? servingF1 = 0.9, PortFault? fault = null, bool serving = true)
    {
        var twin = new OperationsTwin(fault);
        foreach (var parameter in Catalog.Parameters)
        {
            await twin.Parameters.PutAsync(Catalog.FullName(parameter.Name), parameter.Default, CancellationToken.None);
        }

        if (serving)
        {
            await twin.SetStateAsync(SystemState.Initial with { Serving = new ServingVersion(ServingArn, servingF1, twin.Clock.Now.AddDays(-1)) });
        }

        return twin;
    }

    public Task SetAsync(string parameter, string value) =>
        Parameters.PutAsync(Catalog.FullName(parameter), value, CancellationToken.None);

    public Task SetStateAsync(SystemState state) =>
        Parameters.PutAsync(Catalog.FullName(Catalog.SystemParameter.Name), SystemStateDocument.Serialize(state), CancellationToken.None);

    /// <summary>
    /// Logs <paramref name="count"/> detections of the serving version (top label "cat") that <paramref name="reason"/>
    /// sent to a human, and their human labels: the first <paramref name="agreed"/> "cat", the rest "dog".
    /// </summary>
    public async Task LabeledAsync(int count, int agreed, string reason = RandomReason, string modelArn = ServingArn)
    {
        for (var i = 0; i < count; i++)
        {
            var key = $"images_for_detection/img-{++images}.png";
            var prediction = new Prediction([new LabelConfidence("cat", 88), new LabelConfidence("dog", 12)]);
            await Inferences.RecordAsync(new InferenceRecord(key, modelArn, prediction, true, [reason], "loop-" + images, Clock.Now.AddHours(-2)), CancellationToken.None);
            await Inferences.RecordHumanLabelAsync(key, i < agreed ? "cat" : "dog", CancellationToken.None);
        }
    }

    /// <summary>Keeps <paramref name="count"/> notifications of <paramref name="kind"/> for the digest, added <paramref name="ago"/> before now (default an hour).</summary>
    public async Task WaitingAsync(int count, string kind = "detection-completed", TimeSpan? ago = null, string subject = "Detected cat in")
    {
        for (var i = 0; i < count; i++)
        {
            await Digest.AddAsync(new Notification(kind, $"{subject} {kind}-{i + 1}.png", "m", Clock.Now - (ago ?? TimeSpan.FromHours(1)) + TimeSpan.FromSeconds(i)), CancellationToken.None);
        }
    }

    public async Task<WorkflowRun> RunAsync(string? bucket = Bucket)
    {
        var input = new JsonObject();
        if (bucket is not null)
        {
            input["bucket"] = bucket;
        }

        return new WorkflowRun(await engine.RunAsync(machine, Asl.Json.JsonValue.Parse(input.ToJsonString())));
    }

    public IReadOnlyList<Notification> Mails(string kind) => Outbox.Published().Where(n => n.Kind == kind).ToList();

    public Task<DriftAlert?> AlertAsync() => Inferences.DriftAlertAsync(ServingArn, CancellationToken.None);

    public Task<DigestClaim?> ClaimAsync() => Digest.CurrentClaimAsync(CancellationToken.None);

    public void Dispose()
    {
        Objects.Dispose();
        Parameters.Dispose();
        folder.Dispose();
    }
}
