using System.Globalization;
using System.Text.Json;
using ContinuousImprovement.Core.Ports;
using ContinuousImprovement.Core.Storage;
using ContinuousImprovement.Core.Training;
using ContinuousImprovement.Handlers.Training;
using ContinuousImprovement.Local.Adapters;
using ContinuousImprovement.Workflows.Tests.Twin;

namespace ContinuousImprovement.Workflows.Tests.Training;

/// <summary>
/// The gate measures the serving model on the candidate's own test images (the ScoreServing step), because newer
/// test sets are harder than the one the serving model's F1 was recorded on. The seeded serving model is recorded
/// at F1 0.82 and by default answers "cat" for every image, which scores below 0.5 on a test set of cats and dogs.
/// </summary>
public sealed class SameTestSetGateTests
{
    [Fact]
    public async Task A_candidate_below_the_serving_models_recorded_f1_but_better_on_the_same_test_images_is_deployed()
    {
        using var twin = await TrainingTwin.StartAsync();
        await twin.LabelAsync(20);
        var old = await twin.SeedServingAsync(0.82);
        await twin.LabelAsync(10);
        twin.Plan(new LocalPlannedVersion(F1: 0.81));

        var run = await twin.RunAsync();

        var test = await twin.TestImagesAsync(run);
        var servingF1 = AllCat(test);
        var n = test.Count;
        Assert.True(TrainingStatus.Deployed == run.OutcomeStatus, run.ToString());
        Assert.Equal(run.VersionArn, (await twin.StateAsync()).Serving!.ProjectVersionArn);
        var score = run.Output.GetProperty("servingScore");
        Assert.Equal((old, servingF1, n, n, 0), (score.GetProperty("servingVersionArn").GetString(), score.GetProperty("f1").GetDouble(), score.GetProperty("testImages").GetInt32(), score.GetProperty("scored").GetInt32(), score.GetProperty("skipped").GetInt32()));
        var gate = run.Output.GetProperty("gate");
        Assert.Equal((0.81, servingF1, 0.82, true), (gate.GetProperty("candidateF1").GetDouble(), gate.GetProperty("servingF1").GetDouble(), gate.GetProperty("servingRecordedF1").GetDouble(), gate.GetProperty("servingOnSameTestSet").GetBoolean()));
        Assert.Equal($"candidate F1 0.810 ≥ minimum 0.800 and better than serving F1 {F3(servingF1)} on the same {n} test images", gate.GetProperty("reason").GetString());
        var trained = twin.Outbox.Published().Single(m => m.Kind == "model-trained");
        Assert.Contains(
            $"Its F1 is 0.810 on its test set of {n} images. The serving model {old} scores F1 {F3(servingF1)} on the same {n} test images (its F1 recorded at its deployment, on its own older test set: 0.820). Gate: ",
            trained.Message,
            StringComparison.Ordinal);
        Assert.Contains(
            $"F1 0.810 (serving before: {F3(servingF1)} on the same {n} test images; 0.820 as recorded at its deployment)",
            twin.Outbox.Published().Single(m => m.Kind == "model-deployed").Message,
            StringComparison.Ordinal);
        Assert.Equal(LocalModelTraining.Stopped, await twin.StatusOfAsync(old));
        Assert.Empty(twin.Watch.Violations);
    }

    [Fact]
    public async Task A_candidate_above_the_serving_models_recorded_f1_but_worse_on_the_same_test_images_is_gated_out()
    {
        using var twin = await TrainingTwin.StartAsync();
        await twin.LabelAsync(20);
        var old = await twin.SeedServingAsync(0.82, TrainingTwin.RightAbout(30));
        await twin.LabelAsync(10);
        twin.Plan(new LocalPlannedVersion(F1: 0.9));

        var run = await twin.RunAsync();

        var n = (await twin.TestImagesAsync(run)).Count;
        Assert.Equal(TrainingStatus.GatedOut, run.OutcomeStatus);
        var state = await twin.StateAsync();
        Assert.Equal(old, state.Serving!.ProjectVersionArn);
        Assert.Equal(TrainingAttemptOutcome.GatedOut, state.LastTrainingAttempt!.Outcome);
        Assert.Equal(LocalModelTraining.Running, await twin.StatusOfAsync(old));
        Assert.Equal(LocalModelTraining.TrainingCompleted, await twin.StatusOfAsync(run.VersionArn!));
        var reason = $"candidate F1 0.900 ≥ minimum 0.800 but not better than serving F1 1.000 on the same {n} test images";
        Assert.Equal(reason, run.Output.GetProperty("gate").GetProperty("reason").GetString());
        Assert.Equal(["model-trained", "gate-failed"], twin.Outbox.Published().Select(m => m.Kind));
        Assert.Contains(
            $"Model version {run.VersionArn} (F1 0.900 on its test set of {n} images) was not deployed: {reason}. "
            + $"The serving model {old} scores F1 1.000 on the same {n} test images (its F1 recorded at its deployment, on its own older test set: 0.820). {old} keeps serving.",
            twin.Outbox.Published()[1].Message,
            StringComparison.Ordinal);
        Assert.Empty(twin.Watch.Violations);
    }

    [Fact]
    public async Task A_serving_version_that_is_not_running_is_compared_by_its_recorded_f1_and_the_reason_says_so()
    {
        using var twin = await TrainingTwin.StartAsync();
        await twin.LabelAsync(20);
        var old = await twin.SeedServingAsync(0.82);
        await twin.LabelAsync(10);
        await twin.Training.StopVersionAsync(old, default);
        twin.Plan(new LocalPlannedVersion(F1: 0.81));

        var run = await twin.RunAsync();

        Assert.Equal(TrainingStatus.GatedOut, run.OutcomeStatus);
        Assert.Equal("the serving version is STOPPED, not RUNNING", run.Output.GetProperty("servingScore").GetProperty("notScoredBecause").GetString());
        Assert.Equal(
            "candidate F1 0.810 ≥ minimum 0.800 but not better than serving F1 0.820 as recorded at its deployment, on an older test set (not scored on the same test images: the serving version is STOPPED, not RUNNING)",
            run.Output.GetProperty("gate").GetProperty("reason").GetString());
        Assert.Contains(
            $"The serving model {old} could not be scored on the same test images (the serving version is STOPPED, not RUNNING); its F1 recorded at its deployment, on its own older test set, is 0.820.",
            twin.Outbox.Published().Single(m => m.Kind == "gate-failed").Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Test_images_gone_or_unreadable_are_skipped_counted_and_named_and_the_rest_is_scored()
    {
        TrainingTwin? self = null;
        string? gone = null;
        using var twin = await TrainingTwin.StartAsync(training: inner => new AfterTrainingCompletes(inner, async manifest =>
        {
            var test = await ImagesOfAsync(self!, manifest);
            gone = test[0].Image.Uri;
            File.Delete(self!.Objects.PathOf(test[0].Image.Bucket, test[0].Image.Key));
            await self.Objects.PutAsync(test[1].Image.Bucket, test[1].Image.Key, "not an image"u8.ToArray(), "image/png", null, default);
        }));
        self = twin;
        await twin.LabelAsync(20);
        var old = await twin.SeedServingAsync(0.82);
        await twin.LabelAsync(10);
        twin.Plan(new LocalPlannedVersion(F1: 0.81));

        var run = await twin.RunAsync();

        var test = await twin.TestImagesAsync(run);
        var n = test.Count;
        var servingF1 = AllCat(test.Skip(2));
        Assert.True(TrainingStatus.Deployed == run.OutcomeStatus, run.ToString());
        var score = run.Output.GetProperty("servingScore");
        Assert.Equal((n, n, n - 2, 2), (score.GetProperty("testImages").GetInt32(), score.GetProperty("sampled").GetInt32(), score.GetProperty("scored").GetInt32(), score.GetProperty("skipped").GetInt32()));
        Assert.Equal(
            $"candidate F1 0.810 ≥ minimum 0.800 and better than serving F1 {F3(servingF1)} on {n - 2} of the same {n} test images",
            run.Output.GetProperty("gate").GetProperty("reason").GetString());
        Assert.Contains(
            $"The serving model {old} scores F1 {F3(servingF1)} on {n - 2} of the same {n} test images (its F1 recorded at its deployment, on its own older test set: 0.820). "
            + $"Left out: 2 test images could not be scored (first: \"{gone}\": Port.NotFound: Image \"{gone}\" does not exist.).",
            twin.Outbox.Published().Single(m => m.Kind == "model-trained").Message,
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, "does not exist")]
    [InlineData(false, "lists no image that can be scored (e.g. line 1: not valid JSON")]
    public async Task A_test_manifest_that_cannot_be_read_falls_back_to_the_recorded_f1_and_says_why(bool delete, string why)
    {
        TrainingTwin? self = null;
        using var twin = await TrainingTwin.StartAsync(training: inner => new AfterTrainingCompletes(inner, async manifest =>
        {
            if (delete)
            {
                File.Delete(self!.Objects.PathOf(manifest.Bucket, manifest.Key));
            }
            else
            {
                await self!.Objects.PutAsync(manifest.Bucket, manifest.Key, "{\"source-ref\":\n"u8.ToArray(), "application/x-jsonlines", null, default);
            }
        }));
        self = twin;
        await twin.LabelAsync(20);
        var old = await twin.SeedServingAsync(0.82);
        await twin.LabelAsync(10);
        twin.Plan(new LocalPlannedVersion(F1: 0.81));

        var run = await twin.RunAsync();

        var manifestUri = run.Output.GetProperty("candidate").GetProperty("testManifest").GetString();
        Assert.Equal(TrainingStatus.GatedOut, run.OutcomeStatus);
        Assert.Equal(JsonValueKind.Null, run.Output.GetProperty("servingScore").GetProperty("f1").ValueKind);
        Assert.Contains(
            $"candidate F1 0.810 ≥ minimum 0.800 but not better than serving F1 0.820 as recorded at its deployment, on an older test set (not scored on the same test images: the test manifest \"{manifestUri}\" {why}",
            run.Output.GetProperty("gate").GetProperty("reason").GetString(),
            StringComparison.Ordinal);
        Assert.Contains($"The serving model {old} could not be scored on the same test images (the test manifest \"{manifestUri}\" {why}", twin.Outbox.Published().Single(m => m.Kind == "gate-failed").Message, StringComparison.Ordinal);
        Assert.Equal(old, (await twin.StateAsync()).Serving!.ProjectVersionArn);
    }

    [Fact]
    public async Task A_transient_detection_failure_is_retried_and_the_serving_model_is_scored_on_every_test_image()
    {
        var fault = new PortFault(typeof(IModelRuntime), nameof(IModelRuntime.DetectAsync), FaultMode.Second, PortFailure.Throttled);
        using var twin = await TrainingTwin.StartAsync(fault);
        await twin.LabelAsync(20);
        await twin.SeedServingAsync(0.82);
        await twin.LabelAsync(10);
        twin.Plan(new LocalPlannedVersion(F1: 0.81));

        var run = await twin.RunAsync();

        var n = (await twin.TestImagesAsync(run)).Count;
        Assert.True(TrainingStatus.Deployed == run.OutcomeStatus, run.ToString());
        Assert.Equal((n + 2, 1), (fault.Calls, fault.Failures));
        Assert.Equal(n, run.Output.GetProperty("servingScore").GetProperty("scored").GetInt32());
        Assert.True(run.Output.GetProperty("gate").GetProperty("servingOnSameTestSet").GetBoolean());
    }

    [Fact]
    public async Task A_serving_model_that_keeps_throttling_is_compared_by_its_recorded_f1_once_the_retries_are_spent_and_the_reason_names_the_failure()
    {
        var fault = new PortFault(typeof(IModelRuntime), nameof(IModelRuntime.DetectAsync), FaultMode.Always, PortFailure.Throttled);
        using var twin = await TrainingTwin.StartAsync(fault);
        await twin.LabelAsync(20);
        var old = await twin.SeedServingAsync(0.82);
        await twin.LabelAsync(10);
        twin.Plan(new LocalPlannedVersion(F1: 0.81));

        var run = await twin.RunAsync();

        Assert.Equal(TrainingStatus.GatedOut, run.OutcomeStatus);
        Assert.Equal(4, fault.Calls);
        Assert.Contains(
            "not scored on the same test images: scoring it failed with Port.Throttled after retries: training-score-serving: IModelRuntime.DetectAsync: injected Throttled failure",
            run.Output.GetProperty("gate").GetProperty("reason").GetString(),
            StringComparison.Ordinal);
        Assert.Equal(old, (await twin.StateAsync()).Serving!.ProjectVersionArn);
        Assert.Equal(["model-trained", "gate-failed"], twin.Outbox.Published().Select(m => m.Kind));
    }

    [Fact]
    public async Task A_workflow_error_after_the_scoring_says_what_the_serving_model_scored()
    {
        using var twin = await TrainingTwin.StartAsync();
        var catalog = new ContinuousImprovement.Handlers.Invocation.HandlerCatalog(twin.Ports);
        var request = """
            {"input":{},"progress":{
              "servingScore":{"servingVersionArn":"arn:serving","f1":0.4321,"testImages":6,"sampled":6,"scored":5,"skipped":1,"skippedExample":"x","linesLeftOut":0,"leftOutExample":null,"notScoredBecause":null},
              "failure":{"Error":"Handler.InvalidState","Cause":"the system parameter cannot be read"}}}
            """u8.ToArray();

        var result = await catalog[TrainingWorkflow.DescribeFailure].InvokeAsync(request, default);

        Assert.Null(result.Error);
        var message = JsonDocument.Parse(result.Output).RootElement.GetProperty("notification").GetProperty("message").GetString();
        Assert.Contains("Done before it stopped: the serving model scored F1 0.432 on 5 of the same 6 test images.", message, StringComparison.Ordinal);
    }

    private static double AllCat(IEnumerable<RescoringImage> images) => ModelEvaluation.From(images.Select(i => (i.Truth, (string?)"cat"))).MacroF1;

    private static string F3(double f1) => f1.ToString("0.000", CultureInfo.InvariantCulture);

    private static async Task<IReadOnlyList<RescoringImage>> ImagesOfAsync(TrainingTwin twin, S3ObjectRef manifest)
    {
        var content = await twin.Objects.GetAsync(manifest.Bucket, manifest.Key, default);
        return Core.Manifests.GroundTruthManifest.Read(System.Text.Encoding.UTF8.GetString(content!.Body.Span)).Entries.Select(e => new RescoringImage(e.Image, e.Labels[0])).ToList();
    }
}
