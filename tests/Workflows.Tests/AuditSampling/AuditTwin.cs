using System.Text.Json.Nodes;
using ContinuousImprovement.Core.Audit;
using ContinuousImprovement.Core.Ports;
using ContinuousImprovement.Core.Sampling;
using ContinuousImprovement.Local.Adapters;
using ContinuousImprovement.Workflows.Tests.Twin;

namespace ContinuousImprovement.Workflows.Tests.AuditSampling;

/// <summary>
/// The audit-sampling workflow as the twin will run it (the real <c>statemachine/audit-sampling.asl.json</c>, see
/// <see cref="WorkflowTwin"/>), with audit sampling switched on. Detections are logged straight into the inference log
/// (their images uploaded), as the detection workflow leaves them. A fault can be healed for the next run.
/// </summary>
internal sealed class AuditTwin : WorkflowTwin
{
    /// <summary>The model version the logged detections name.</summary>
    public const string ModelArn = ServingArn;

    private AuditTwin(PortFault? fault) => Connect(TwinWorkflow.AuditSampling, fault);

    /// <summary>The loops waiting for a reviewer.</summary>
    public IReadOnlyList<OpenLoop> Loops => Reviews.OpenLoops();

    /// <summary>A twin with the catalog defaults, audit sampling switched on every <paramref name="interval"/>-th confident detection.</summary>
    public static async Task<AuditTwin> StartAsync(int interval = 3, PortFault? fault = null)
    {
        var twin = await WithDefaultsAsync(new AuditTwin(fault));
        await twin.SetAsync("Enable-Automatic-Human-Sampling", "true");
        await twin.SetAsync("Human-Sampling-Interval", interval.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return twin;
    }

    /// <summary>
    /// Uploads <c>images_for_detection/&lt;fileName&gt;</c> (unless <paramref name="upload"/> is false) and logs its detection
    /// <paramref name="ago"/> before now (default an hour, long settled) with a top confidence; <paramref name="sentBy"/> a
    /// sampling rule's reason sends it to a human as detection would. Returns its sequence number.
    /// </summary>
    public async Task<long> DetectedAsync(string fileName, double confidence = 97.5, string? sentBy = null, TimeSpan? ago = null, bool upload = true)
    {
        var key = "images_for_detection/" + fileName;
        if (upload)
        {
            await Objects.PutAsync(Bucket, key, Png.Concat(System.Text.Encoding.UTF8.GetBytes(fileName)).ToArray(), "image/png", null, CancellationToken.None);
        }

        var prediction = new Prediction([new LabelConfidence("cat", confidence), new LabelConfidence("dog", 100 - confidence)]);
        var at = Clock.Now - (ago ?? TimeSpan.FromHours(1));
        var sequence = await Inferences.RecordAsync(new InferenceRecord(key, ModelArn, prediction, false, [], null, at), CancellationToken.None);
        if (sentBy is not null)
        {
            await Inferences.RecordDecisionAsync(sequence, true, [sentBy], "loop-of-detection-" + sequence, CancellationToken.None);
        }

        return sequence;
    }

    /// <summary>Logs <paramref name="count"/> confident detections named <c>&lt;prefix&gt;-&lt;n&gt;.png</c>.</summary>
    public async Task<IReadOnlyList<long>> ConfidentAsync(int count, string prefix = "cat")
    {
        var numbers = new List<long>();
        for (var i = 1; i <= count; i++)
        {
            numbers.Add(await DetectedAsync($"{prefix}-{i}.png"));
        }

        return numbers;
    }

    public async Task<WorkflowRun> RunAsync(int? maxExamined = null, int? maxRounds = null, string bucket = Bucket)
    {
        var input = new JsonObject { ["bucket"] = bucket };
        if (maxExamined is { } examined)
        {
            input["maxExamined"] = examined;
        }

        if (maxRounds is { } rounds)
        {
            input["maxRounds"] = rounds;
        }

        return new WorkflowRun(await ExecuteAsync(input.ToJsonString()));
    }

    public Task<AuditCursor?> CursorAsync() => Inferences.AuditCursorAsync(CancellationToken.None);

    public Task<int> SlotsTodayAsync() => Inferences.HumanLoopsOnAsync(Today, CancellationToken.None);

    /// <summary>The logged records by sequence number.</summary>
    public async Task<IReadOnlyDictionary<long, InferenceRecord>> RecordsAsync() =>
        (await Inferences.AllAsync(CancellationToken.None)).ToDictionary(r => r.Sequence, r => r.Record);

    /// <summary>The image keys the open loops are for, sorted.</summary>
    public IReadOnlyList<string> LoopKeys() => [.. Loops.Select(l => l.Key).Order(StringComparer.Ordinal)];
}
