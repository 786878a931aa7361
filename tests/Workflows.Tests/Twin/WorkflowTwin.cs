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
/// Any workflow as the twin will run it, like <see cref="DetectionTwin"/> for detection: the real definition file
/// on the engine with virtual time, the catalog's handlers, every port a local adapter over a temp folder (the
/// schedules included), the catalog defaults as parameters. One port can be made faulty for a fault matrix.
/// </summary>
internal sealed class WorkflowTwin : IDisposable
{
    public const string Bucket = "ci-uploads";

    private readonly TempFolder folder = new();
    private readonly StateMachine machine;
    private readonly AslEngine engine;

    private WorkflowTwin(string definitionFile, IReadOnlyDictionary<string, string> functions, FaultPlan? fault)
    {
        var time = new ClockTimeProvider(Clock);
        Objects = new FolderObjectStore(folder["buckets"], time);
        Parameters = new FileParameterStore(folder["parameters.json"], time);
        Inferences = new SqliteInferenceLog(folder["inference-log.db"]);
        Reviews = new LocalHumanReview(folder["reviews"], time);
        Outbox = new JsonlOutbox(folder["outbox.jsonl"]);
        Digest = new JsonlNotificationDigest(folder["digest.jsonl"]);
        Schedules = new FileSchedules(folder["schedules.json"]);
        ModelsFolder = folder["models"];
        Models = new LocalModelRuntime(ModelsFolder, Objects);
        Ports = new Ports(
            Faulty<IObjectStore>(Objects, fault),
            Faulty<IParameterStore>(Parameters, fault),
            Faulty<IModelRuntime>(Models, fault),
            Faulty<IInferenceLog>(Inferences, fault),
            Faulty<IHumanReview>(Reviews, fault),
            Faulty<INotifier>(Outbox, fault),
            Faulty<INotificationDigest>(Digest, fault),
            time)
        {
            Schedules = Faulty<ISchedules>(Schedules, fault),
            Leases = Faulty<ILeases>(new SqliteLeases(folder["leases.db"]), fault),
        };

        var registry = new TaskRegistry();
        var substitutions = CatalogTaskHandler.Register(registry, new HandlerCatalog(Ports), functions);
        machine = StateMachine.Load(File.ReadAllText(RepositoryPaths.InRepository(definitionFile)), Path.GetFileNameWithoutExtension(definitionFile), registry, substitutions);
        engine = new AslEngine(new AslEngineOptions { Clock = Clock });
    }

    public VirtualClock Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.Zero));

    public FolderObjectStore Objects { get; }

    public FileParameterStore Parameters { get; }

    public SqliteInferenceLog Inferences { get; }

    public LocalHumanReview Reviews { get; }

    public JsonlOutbox Outbox { get; }

    public JsonlNotificationDigest Digest { get; }

    public FileSchedules Schedules { get; }

    public LocalModelRuntime Models { get; }

    public string ModelsFolder { get; }

    public Ports Ports { get; }

    public static ParameterCatalog Catalog => ParameterCatalog.Default;

    /// <summary>A twin of the workflow with every catalog parameter at its default, as CDK creates them.</summary>
    public static async Task<WorkflowTwin> StartAsync(string definitionFile, IReadOnlyDictionary<string, string> functions, FaultPlan? fault = null)
    {
        var twin = new WorkflowTwin(definitionFile, functions, fault);
        foreach (var parameter in Catalog.Parameters)
        {
            await twin.Parameters.PutAsync(Catalog.FullName(parameter.Name), parameter.Default, CancellationToken.None);
        }

        return twin;
    }

    public Task SetAsync(string parameter, string value) =>
        Parameters.PutAsync(Catalog.FullName(parameter), value, CancellationToken.None);

    public async Task<string?> GetAsync(string parameter) =>
        (await Parameters.GetAsync(Catalog.FullName(parameter), CancellationToken.None))?.Value;

    public Task SetStateAsync(SystemState state) =>
        Parameters.PutAsync(Catalog.FullName(Catalog.SystemParameter.Name), SystemStateDocument.Serialize(state), CancellationToken.None);

    public async Task<SystemState?> StateAsync()
    {
        var stored = await Parameters.GetAsync(Catalog.FullName(Catalog.SystemParameter.Name), CancellationToken.None);
        return stored is null ? null : SystemStateDocument.Parse(stored.Value).State;
    }

    public async Task<WorkflowRun> RunAsync(string eventJson) =>
        new(await engine.RunAsync(machine, Asl.Json.JsonValue.Parse(eventJson)));

    public void Dispose()
    {
        Objects.Dispose();
        Parameters.Dispose();
        folder.Dispose();
    }

    private static T Faulty<T>(T port, FaultPlan? fault)
        where T : class =>
        fault is not null && fault.Port == typeof(T) ? FaultyPort<T>.Wrap(port, fault) : port;
}
