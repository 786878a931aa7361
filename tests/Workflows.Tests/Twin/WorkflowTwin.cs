using ContinuousImprovement.Asl.Runtime;
using ContinuousImprovement.Asl.Tasks;
using ContinuousImprovement.Core.Parameters;
using ContinuousImprovement.Core.Ports;
using ContinuousImprovement.Core.State;
using ContinuousImprovement.Handlers;
using ContinuousImprovement.Handlers.Invocation;
using ContinuousImprovement.Local.Adapters;

namespace ContinuousImprovement.Workflows.Tests.Twin;

/// <summary>
/// What every workflow twin is built on: every port a local adapter over one temp folder, on a virtual clock the
/// engine shares, and one workflow's real definition file loaded with the catalog's handlers over those ports
/// (<see cref="Connect"/>), a <see cref="PortFault"/> between the handlers and the port it names, and every call the
/// handlers make checked against the calls their functions are granted (<see cref="HandlerPortCalls"/>). Each twin adds its
/// workflow's own input and helpers (uploads, labels, plans) and sets the catalog defaults as CDK creates them.
/// </summary>
internal abstract class WorkflowTwin : IDisposable
{
    public const string Bucket = "ci-uploads";
    public const string ServingArn = "arn:aws:rekognition:us-east-1:123456789012:project/ci/version/ci.2026-02-01/1769904000000";

    /// <summary>The start of a PNG file: what Rekognition (and the local runtime) check first.</summary>
    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3];

    private readonly TempFolder folder = new();
    private readonly HandlerPortCalls portCalls = new();
    private readonly AslEngine engine;
    private StateMachine? machine;
    private Ports? ports;

    protected WorkflowTwin()
        : this(new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.Zero))
    {
    }

    protected WorkflowTwin(DateTimeOffset start)
    {
        Clock = new VirtualClock(start);
        Time = new ClockTimeProvider(Clock);
        Objects = new FolderObjectStore(folder["buckets"], Time);
        Parameters = new FileParameterStore(folder["parameters.json"], Time);
        Inferences = new SqliteInferenceLog(folder["inference-log.db"]);
        Reviews = new LocalHumanReview(folder["reviews"], Time);
        Outbox = new JsonlOutbox(folder["outbox.jsonl"]);
        Digest = new JsonlNotificationDigest(folder["digest.jsonl"]);
        Schedules = new FileSchedules(folder["schedules.json"]);
        Leases = new SqliteLeases(folder["leases.db"]);
        ModelsFolder = folder["models"];
        Models = new LocalModelRuntime(ModelsFolder, Objects);
        engine = new AslEngine(new AslEngineOptions { Clock = Clock });
    }

    public VirtualClock Clock { get; }

    public TimeProvider Time { get; }

    public FolderObjectStore Objects { get; }

    public FileParameterStore Parameters { get; }

    public SqliteInferenceLog Inferences { get; }

    public LocalHumanReview Reviews { get; }

    public JsonlOutbox Outbox { get; }

    public JsonlNotificationDigest Digest { get; }

    public FileSchedules Schedules { get; }

    public SqliteLeases Leases { get; }

    public LocalModelRuntime Models { get; }

    public string ModelsFolder { get; }

    /// <summary>The ports the handlers see (the faulty one included).</summary>
    public Ports Ports => ports ?? throw new InvalidOperationException($"{GetType().Name} has not connected its workflow yet.");

    public static ParameterCatalog Catalog => ParameterCatalog.Default;

    public DateOnly Today => DateOnly.FromDateTime(Clock.Now.UtcDateTime);

    public Task SetAsync(string parameter, string value) =>
        Parameters.PutAsync(Catalog.FullName(parameter), value, CancellationToken.None);

    public async Task<string?> GetAsync(string parameter) =>
        (await Parameters.GetAsync(Catalog.FullName(parameter), CancellationToken.None))?.Value;

    public Task SetStateAsync(SystemState state) =>
        Parameters.PutAsync(Catalog.FullName(Catalog.SystemParameter.Name), SystemStateDocument.Serialize(state), CancellationToken.None);

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>The twin started: every catalog parameter at its default, as CDK creates them.</summary>
    protected static async Task<T> WithDefaultsAsync<T>(T twin)
        where T : WorkflowTwin
    {
        foreach (var parameter in Catalog.Parameters)
        {
            await twin.SetAsync(parameter.Name, parameter.Default);
        }

        return twin;
    }

    /// <summary>
    /// Builds the ports from the adapters — <paramref name="parameters"/> decorating the parameter store, and
    /// <paramref name="training"/> as the training port when the workflow has one — each behind <paramref name="fault"/>
    /// when it names that port, and loads the workflow's definition with the catalog's handlers over them.
    /// </summary>
    protected void Connect(TwinWorkflow workflow, PortFault? fault, Func<IParameterStore, IParameterStore>? parameters = null, IModelTraining? training = null)
    {
        ports = new Ports(
            Watched<IObjectStore>(Objects, fault),
            Watched<IParameterStore>(parameters?.Invoke(Parameters) ?? Parameters, fault),
            Watched<IModelRuntime>(Models, fault),
            Watched<IInferenceLog>(Inferences, fault),
            Watched<IHumanReview>(Reviews, fault),
            Watched<INotifier>(Outbox, fault),
            Watched<INotificationDigest>(Digest, fault),
            Time)
        {
            Schedules = Watched<ISchedules>(Schedules, fault),
            Training = training is null ? null : Watched<IModelTraining>(training, fault),
            Leases = Watched<ILeases>(Leases, fault),
        };

        var registry = new TaskRegistry();
        var substitutions = CatalogTaskHandler.Register(registry, new HandlerCatalog(ports), workflow.Functions, HandlerPortCalls.Named);
        machine = StateMachine.Load(File.ReadAllText(RepositoryPaths.InRepository(workflow.DefinitionFile)), workflow.Name, registry, substitutions);
    }

    // The handlers' calls are watched in front of the fault: a call that fails was still made.
    private T Watched<T>(T port, PortFault? fault)
        where T : class => portCalls.Watch(FaultyPort<T>.Wrap(port, fault));

    /// <summary>Runs the workflow once to its end with this input.</summary>
    protected Task<Execution> ExecuteAsync(string inputJson) =>
        engine.RunAsync(machine ?? throw new InvalidOperationException($"{GetType().Name} has not connected its workflow yet."), Asl.Json.JsonValue.Parse(inputJson));

    /// <summary>The stored system parameter as read, or null when there is none.</summary>
    protected async Task<SystemStateRead?> ReadStateAsync()
    {
        var stored = await Parameters.GetAsync(Catalog.FullName(Catalog.SystemParameter.Name), CancellationToken.None);
        return stored is null ? null : SystemStateDocument.Parse(stored.Value);
    }

    /// <summary>A path in the twin's folder, for files a twin adds (a training plan).</summary>
    protected string InFolder(string relative) => folder[relative];

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            // After the test's own assertions: a handler calling what its function may not call fails it too.
            Assert.True(portCalls.Unlisted.Count == 0, string.Join("\n", portCalls.Unlisted.Distinct()));
            Objects.Dispose();
            Parameters.Dispose();
            Inferences.Dispose();
            Leases.Dispose();
            folder.Dispose();
        }
    }
}
