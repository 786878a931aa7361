using ContinuousImprovement.Asl.Runtime;
using ContinuousImprovement.Asl.Tasks;
using ContinuousImprovement.Core.Parameters;
using ContinuousImprovement.Core.Ports;
using ContinuousImprovement.Core.State;
using ContinuousImprovement.Core.Storage;
using ContinuousImprovement.Handlers;
using ContinuousImprovement.Handlers.Invocation;
using ContinuousImprovement.Handlers.ParameterApply;
using ContinuousImprovement.Handlers.Settings;
using ContinuousImprovement.Local.Adapters;
using ContinuousImprovement.Local.Model;
using ContinuousImprovement.Local.Twin.Events;
using ContinuousImprovement.Local.Twin.Integrations;
using ContinuousImprovement.Local.Twin.Workflows;

namespace ContinuousImprovement.Local.Twin;

/// <summary>
/// The whole product on one machine: the workflows' real ASL files on our engine with the catalog's handlers, every
/// port a local adapter under one folder, S3 and Parameter Store events routed to the workflows their rules match,
/// and the schedules firing. Opening a folder again resumes it (parameters, models, logs, open loops are files).
/// </summary>
public sealed class LocalTwin : IAsyncDisposable
{
    private readonly FolderObjectStore folderStore;
    private readonly FileParameterStore fileParameters;
    private readonly LocalModelTraining training;

    private LocalTwin(TwinOptions options)
    {
        Options = options;
        Folder = Path.GetFullPath(options.Folder);
        Clock = options.Clock;
        Time = new ClockTimeProvider(Clock);
        Engine = new AslEngine(new AslEngineOptions { Clock = Clock, KeepHistory = options.KeepHistories, RetainFinishedExecutions = 100 });
        Journal = new ExecutionJournal(Folder, options.KeepHistories);
        var routes = new TwinRoutes(options.Bucket, options.Catalog);
        Bus = new TwinEventBus(Engine, routes.Match, Journal, options.Dispatchers, log: options.Log);

        folderStore = new FolderObjectStore(Path.Combine(Folder, "buckets"), Time);
        fileParameters = new FileParameterStore(Path.Combine(Folder, "parameters.json"), Time);
        Inferences = new SqliteInferenceLog(Path.Combine(Folder, "inference-log.db"));
        Reviews = new LocalHumanReview(Path.Combine(Folder, "reviews"), Time);
        Outbox = new MailOutbox(Path.Combine(Folder, "outbox"), options.NotificationEmail);
        Digest = new JsonlNotificationDigest(Path.Combine(Folder, "outbox", "digest.jsonl"));
        Schedules = new FileSchedules(Path.Combine(Folder, "schedules.json"));
        var models = Path.Combine(Folder, "models");
        training = new LocalModelTraining(models, folderStore, options.Trainer ?? new MlNetTrainer(folderStore, new MlNetTrainerOptions(options.TrainingTime)), Time);
        Objects = new EventingObjectStore(folderStore, Bus, Time);
        Parameters = new EventingParameterStore(fileParameters, Bus, Time);
        Ports = new Ports(Objects, Parameters, new LocalModelRuntime(models, folderStore, Predictor), Inferences, Reviews, Outbox, Digest, Time)
        {
            Catalog = options.Catalog,
            Schedules = Schedules,
            Training = training,
            Leases = new SqliteLeases(Path.Combine(Folder, "leases.db")),
        };

        var registry = Registry;
        // The service integrations a definition may use besides the catalog's functions, each on the twin's ports.
        new SnsPublishIntegration(new OutboxSnsSink(Outbox, Time)).AddTo(registry);
        // A child execution is journaled and waited for like any other the twin runs.
        new StepFunctionsIntegration(Engine, Machines.Find, (machine, child) => Bus.Track(machine.Name, child)).AddTo(registry);
        new ParameterStoreSdk(Parameters).AddTo(registry);
        var handlers = new HandlerCatalog(Ports);
        var machines = new Dictionary<TwinWorkflow, StateMachine>();
        foreach (var workflow in TwinWorkflow.All)
        {
            var substitutions = CatalogTaskHandler.Register(registry, handlers, workflow.Functions);
            var definition = File.ReadAllText(RepositoryFiles.Find(workflow.DefinitionFile));
            machines[workflow] = StateMachine.Load(definition, workflow.Name, registry, substitutions);
            Machines.Add(machines[workflow]);
        }

        Bus.Open(machines);
        // The inputs the schedule rules' targets send on AWS.
        var trainingInput = TrainingInput(options, retry: false);
        var bucketInput = $$"""{"bucket":{{Quote(options.Bucket)}}}""";
        Scheduler = new TwinScheduler(
            Schedules,
            new Dictionary<string, ScheduledWorkflow>(StringComparer.Ordinal)
            {
                [ScheduleNames.Training] = new(TwinWorkflow.Training, trainingInput),
                [ScheduleNames.Audit] = new(TwinWorkflow.AuditSampling, bucketInput),
                [ScheduleNames.Digest] = new(TwinWorkflow.OperationsDigest, bucketInput),
            },
            Bus,
            Clock.Now);
    }

    public TwinOptions Options { get; }

    /// <summary>Answers detections from the trained ML.NET models (each loaded once).</summary>
    public MlNetPredictor Predictor { get; } = new();

    public string Folder { get; }

    public string Bucket => Options.Bucket;

    public IClock Clock { get; }

    public TimeProvider Time { get; }

    public AslEngine Engine { get; }

    public TwinEventBus Bus { get; }

    public ExecutionJournal Journal { get; }

    public TwinScheduler Scheduler { get; }

    /// <summary>The bucket as workflows and consumers see it: every object created raises its S3 event.</summary>
    public IObjectStore Objects { get; }

    /// <summary>Parameter Store as operators and workflows see it: every write raises its change event.</summary>
    public IParameterStore Parameters { get; }

    public SqliteInferenceLog Inferences { get; }

    public LocalHumanReview Reviews { get; }

    public MailOutbox Outbox { get; }

    public JsonlNotificationDigest Digest { get; }

    public FileSchedules Schedules { get; }

    public LocalModelTraining Training => training;

    public Ports Ports { get; }

    /// <summary>
    /// Where the twin's Task resources resolve: the catalog's functions, <c>sns:publish</c> (the outbox),
    /// <c>states:startExecution[.sync]</c> (this engine, by <see cref="Machines"/>) and
    /// <c>aws-sdk:ssm:getParameter</c>/<c>putParameter</c> (the parameter store).
    /// </summary>
    public TaskRegistry Registry { get; } = new();

    /// <summary>The state machines <c>states:startExecution</c> can start, by ARN: the product's workflows and any <see cref="Load"/>ed.</summary>
    public TwinStateMachines Machines { get; } = new();

    public ParameterCatalog Catalog => Options.Catalog;

    /// <summary>
    /// Opens (or resumes) a twin: parameters missing from its store are created with the catalog's defaults and the
    /// system parameter with its initial state, and the schedules from them — what <c>cdk deploy</c> creates — without
    /// raising change events, as CloudFormation's creation starts no parameter-apply run.
    /// </summary>
    public static async Task<LocalTwin> OpenAsync(TwinOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var twin = new LocalTwin(options);
        await twin.CreateMissingParametersAsync(cancellationToken).ConfigureAwait(false);
        await twin.CreateMissingSchedulesAsync(cancellationToken).ConfigureAwait(false);
        return twin;
    }

    /// <summary>
    /// Loads a definition on the twin's registry (its resources resolved now, an unknown one refused with
    /// <see cref="Asl.Definition.AslDefinitionException"/>) and makes it startable by ARN from other machines.
    /// </summary>
    public StateMachine Load(string definition, string name, IReadOnlyDictionary<string, string>? substitutions = null)
    {
        var machine = StateMachine.Load(definition, name, Registry, substitutions);
        Machines.Add(machine);
        return machine;
    }

    /// <summary>A consumer's upload: the image lands under <c>images_for_detection/</c> and its event starts detection.</summary>
    public Task<StoredObject> UploadAsync(string fileName, ReadOnlyMemory<byte> image, string? contentType = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        return Objects.PutAsync(Bucket, BucketLayout.ImagesForDetection + fileName, image, contentType ?? ContentTypes.For(fileName), null, cancellationToken);
    }

    /// <summary>
    /// An operator's start of the training workflow, with the input its schedule sends, waited for; <paramref name="retry"/>
    /// asks it to train the unchanged labeled set again after a failed or gated-out attempt (the schedule never does, so
    /// a bad set is not retrained every poll).
    /// </summary>
    public async Task<TrainingRun> TrainAsync(bool retry, CancellationToken cancellationToken = default)
    {
        var name = $"training-manual-{Guid.NewGuid():N}";
        Bus.Start(TwinWorkflow.Training, TrainingInput(Options, retry), name);
        await WhenIdleAsync(cancellationToken).ConfigureAwait(false);
        var described = Journal.History(name)
            ?? throw new InvalidOperationException($"The training execution {name} ended without a record in the journal.");
        return TrainingRun.From(name, described);
    }

    /// <summary>The operator's settings in force (the last good value of any parameter that is bad now).</summary>
    public Task<SettingsInForce> SettingsAsync(CancellationToken cancellationToken = default) =>
        new SettingsReader(fileParameters, Catalog).ReadAsync(cancellationToken);

    public async Task<SystemState?> StateAsync(CancellationToken cancellationToken = default)
    {
        var stored = await fileParameters.GetAsync(Catalog.FullName(Catalog.SystemParameter.Name), cancellationToken).ConfigureAwait(false);
        return stored is null ? null : SystemStateDocument.Parse(stored.Value).State;
    }

    /// <summary>Completes when every event so far has been delivered and every execution it started has ended.</summary>
    public Task WhenIdleAsync(CancellationToken cancellationToken = default) => Bus.WhenIdleAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await Bus.DisposeAsync().ConfigureAwait(false);
        training.Dispose();
        folderStore.Dispose();
        fileParameters.Dispose();
        Inferences.Dispose();
    }

    private async Task CreateMissingParametersAsync(CancellationToken cancellationToken)
    {
        foreach (var parameter in Catalog.Parameters)
        {
            var name = Catalog.FullName(parameter.Name);
            if (await fileParameters.GetAsync(name, cancellationToken).ConfigureAwait(false) is null)
            {
                await fileParameters.PutAsync(name, parameter.Default, cancellationToken).ConfigureAwait(false);
            }
        }

        var system = Catalog.FullName(Catalog.SystemParameter.Name);
        if (await fileParameters.GetAsync(system, cancellationToken).ConfigureAwait(false) is null)
        {
            await fileParameters.PutAsync(system, SystemStateDocument.Serialize(SystemState.Initial), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task CreateMissingSchedulesAsync(CancellationToken cancellationToken)
    {
        var inForce = await SettingsAsync(cancellationToken).ConfigureAwait(false);
        var settings = inForce.Operator;
        ScheduleSetting[] initial =
        [
            new(ScheduleNames.Training, settings.Training.Enabled, settings.Training.PollEvery),
            new(ScheduleNames.Audit, settings.Audit.Enabled, settings.Audit.RunEvery),

            // The digest has no switch: it mails only when something waits (as parameter apply keeps it).
            new(ScheduleNames.Digest, true, TimeSpan.FromMinutes(inForce.Parameters.Integer("Notification-Digest-Frequency"))),
        ];
        foreach (var schedule in initial)
        {
            if (await Schedules.GetAsync(schedule.Name, cancellationToken).ConfigureAwait(false) is null)
            {
                await Schedules.ApplyAsync(schedule, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    // The training workflow's execution input (Handlers' TrainingInput), as the schedule rule's target sends it on AWS.
    private static string TrainingInput(TwinOptions options, bool retry) =>
        $$"""{"bucket":{{Quote(options.Bucket)}},"projectArn":{{Quote(options.ProjectArn)}},"retry":{{(retry ? "true" : "false")}}}""";

    private static string Quote(string text) => System.Text.Json.JsonSerializer.Serialize(text, TwinStringJsonContext.Default.String);
}
