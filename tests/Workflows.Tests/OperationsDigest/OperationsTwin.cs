using System.Text.Json.Nodes;
using ContinuousImprovement.Core.Drift;
using ContinuousImprovement.Core.Notifications;
using ContinuousImprovement.Core.Ports;
using ContinuousImprovement.Core.Sampling;
using ContinuousImprovement.Core.State;
using ContinuousImprovement.Workflows.Tests.Twin;

namespace ContinuousImprovement.Workflows.Tests.OperationsDigest;

/// <summary>
/// The operations-digest workflow as the twin will run it (the real <c>statemachine/operations-digest.asl.json</c>, see
/// <see cref="WorkflowTwin"/>). Human labels are logged straight into the inference log for the serving version, and
/// notifications straight into the digest store, as the other workflows leave them. A fault can be healed for the next run.
/// </summary>
internal sealed class OperationsTwin : WorkflowTwin
{
    public const string RandomReason = "random: draw vs rate: 0.0123 < 0.05 (seed 7)";
    public const string UncertainReason = "below-threshold: top confidence 41.7 < 70 (cat)";

    private int images;

    private OperationsTwin(PortFault? fault) => Connect(TwinWorkflow.OperationsDigest, fault);

    /// <summary>A twin with the catalog defaults and, unless <paramref name="servingF1"/> is null, a version serving since yesterday with that F1.</summary>
    public static async Task<OperationsTwin> StartAsync(double? servingF1 = 0.9, PortFault? fault = null, bool serving = true)
    {
        var twin = await WithDefaultsAsync(new OperationsTwin(fault));
        if (serving)
        {
            await twin.SetStateAsync(SystemState.Initial with { Serving = new ServingVersion(ServingArn, servingF1, twin.Clock.Now.AddDays(-1)) });
        }

        return twin;
    }

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

        return new WorkflowRun(await ExecuteAsync(input.ToJsonString()));
    }

    public IReadOnlyList<Notification> Mails(string kind) => Outbox.Published().Where(n => n.Kind == kind).ToList();

    public Task<DriftAlert?> AlertAsync() => Inferences.DriftAlertAsync(ServingArn, CancellationToken.None);

    public Task<DigestClaim?> ClaimAsync() => Digest.CurrentClaimAsync(CancellationToken.None);
}
