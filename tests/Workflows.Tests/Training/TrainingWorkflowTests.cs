using ContinuousImprovement.Asl.Runtime;
using ContinuousImprovement.Core.Ports;
using ContinuousImprovement.Core.Storage;
using ContinuousImprovement.Core.Training;
using ContinuousImprovement.Handlers.Training;
using ContinuousImprovement.Local.Adapters;

using ContinuousImprovement.Workflows.Tests.Twin;

namespace ContinuousImprovement.Workflows.Tests.Training;

public sealed class TrainingWorkflowTests
{
    private static readonly byte[] PngStart = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly string[] ClassNames = ["\"class-name\":\"cat\"", "\"class-name\":\"dog\""];

    private static readonly IReadOnlyList<LocalLabel> CatMostly = [new("cat", 88.0), new("dog", 12.0)];

    [Fact]
    public async Task Too_few_new_labeled_images_skip_training_with_the_reason_in_the_digest()
    {
        using var twin = await TrainingTwin.StartAsync();
        await twin.LabelAsync(9);

        var run = await twin.RunAsync();

        Assert.Equal(ExecutionStatus.Succeeded, run.Status);
        Assert.Equal(TrainingStatus.Skipped, run.OutcomeStatus);
        var skipped = Assert.Single(twin.Digest.Pending());
        Assert.Equal("training-skipped", skipped.Kind);
        Assert.Contains("9 labeled images and no successful training yet, fewer than Minimum-Untrained-Images 10", skipped.Message, StringComparison.Ordinal);
        Assert.Empty(await twin.Training.VersionsAsync(default));
        Assert.Empty(twin.Outbox.Published());
        Assert.Null((await twin.StateAsync()).Candidate);
    }

    [Fact]
    public async Task The_first_training_with_no_model_serving_is_deployed_and_serves_detection()
    {
        using var twin = await TrainingTwin.StartAsync();
        await twin.LabelAsync(12);
        twin.Plan(new LocalPlannedVersion(F1: 0.86, Otherwise: CatMostly));

        var run = await twin.RunAsync();

        Assert.Equal(ExecutionStatus.Succeeded, run.Status);
        Assert.Equal(TrainingStatus.Deployed, run.OutcomeStatus);
        var arn = run.VersionArn!;
        Assert.StartsWith("arn:aws:rekognition:us-east-1:123456789012:project/ci/version/ci-20260302T090000Z-", arn, StringComparison.Ordinal);
        var state = await twin.StateAsync();
        Assert.Equal((arn, 0.86), (state.Serving!.ProjectVersionArn, state.Serving.F1));
        Assert.Null(state.Candidate);
        Assert.Equal((12, arn), (state.LastSuccessfulTraining!.LabeledImageCount, state.LastSuccessfulTraining.ProjectVersionArn));
        Assert.Equal(TrainingAttemptOutcome.Succeeded, state.LastTrainingAttempt!.Outcome);
        Assert.Equal((1L, 1L), (state.Counters.Trainings, state.Counters.Deployments));
        Assert.Equal(LocalModelTraining.Running, await twin.StatusOfAsync(arn));
        Assert.Equal(["model-trained", "model-deployed"], twin.Outbox.Published().Select(n => n.Kind));
        Assert.Equal(["training-started"], twin.Digest.Pending().Select(n => n.Kind));
        Assert.Contains("F1 0.860 (serving before: none)", twin.Outbox.Published()[1].Message, StringComparison.Ordinal);
        Assert.Equal([arn], twin.Watch.ServingHistory.Where(s => s is not null).Distinct());
        Assert.Empty(twin.Watch.Violations);

        // The runtime detects with the new version: the two adapters agree on what is RUNNING.
        await twin.Objects.PutAsync(TrainingTwin.Bucket, "images_for_detection/x.png", PngStart, "image/png", null, default);
        var prediction = await twin.Models.DetectAsync(arn, new S3ObjectRef(TrainingTwin.Bucket, "images_for_detection/x.png"), 0, default);
        Assert.Equal("cat", prediction.Top!.Label);
    }

    [Fact]
    public async Task The_manifests_are_written_once_under_the_fingerprint_with_every_label_on_both_sides()
    {
        using var twin = await TrainingTwin.StartAsync();
        await twin.LabelAsync(12);
        twin.Plan(new LocalPlannedVersion(F1: 0.86));

        var run = await twin.RunAsync();

        var fingerprint = run.Output.GetProperty("check").GetProperty("fingerprint").GetString()!;
        Assert.Equal(fingerprint, run.Output.GetProperty("candidate").GetProperty("fingerprint").GetString());
        var train = await twin.Objects.GetAsync(TrainingTwin.Bucket, $"{BucketLayout.Manifests}{fingerprint}/train.manifest", default);
        var test = await twin.Objects.GetAsync(TrainingTwin.Bucket, $"{BucketLayout.Manifests}{fingerprint}/test.manifest", default);
        var trainLines = System.Text.Encoding.UTF8.GetString(train!.Body.Span).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var testLines = System.Text.Encoding.UTF8.GetString(test!.Body.Span).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(12, trainLines.Length + testLines.Length);
        Assert.All(ClassNames, label =>
        {
            Assert.Contains(trainLines, l => l.Contains(label, StringComparison.Ordinal));
            Assert.Contains(testLines, l => l.Contains(label, StringComparison.Ordinal));
        });
    }

    [Fact]
    public async Task A_better_model_is_deployed_blue_green_and_the_old_one_stopped_after_the_switch()
    {
        using var twin = await TrainingTwin.StartAsync();
        await twin.LabelAsync(20);
        var old = await twin.SeedServingAsync(0.82);
        await twin.LabelAsync(10);
        twin.Plan(new LocalPlannedVersion(F1: 0.9, Otherwise: CatMostly));

        var run = await twin.RunAsync();

        Assert.Equal(TrainingStatus.Deployed, run.OutcomeStatus);
        var arn = run.VersionArn!;
        var state = await twin.StateAsync();
        Assert.Equal((arn, 0.9), (state.Serving!.ProjectVersionArn, state.Serving.F1));
        Assert.Equal(30, state.LastSuccessfulTraining!.LabeledImageCount);
        Assert.Equal(LocalModelTraining.Running, await twin.StatusOfAsync(arn));
        Assert.Equal(LocalModelTraining.Stopped, await twin.StatusOfAsync(old));
        Assert.Equal([old, arn], twin.Watch.ServingHistory.Distinct());
        Assert.Empty(twin.Watch.Violations);
        var deployed = twin.Outbox.Published().Single(n => n.Kind == "model-deployed");
        var test = await twin.TestImagesAsync(run);
        var servingF1 = ModelEvaluation.From(test.Select(i => (i.Truth, (string?)"cat"))).MacroF1.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($"deployed {arn}; {old} stopped", deployed.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"F1 0.900 (serving before: {servingF1} on the same {test.Count} test images; 0.820 as recorded at its deployment)", deployed.Message, StringComparison.Ordinal);
        Assert.Contains(
            $"Its F1 is 0.900 on its test set of {test.Count} images. The serving model {old} scores F1 {servingF1} on the same {test.Count} test images (its F1 recorded at its deployment, on its own older test set: 0.820).",
            twin.Outbox.Published().Single(n => n.Kind == "model-trained").Message,
            StringComparison.Ordinal);
    }

    // The serving model is right about every image, so it scores 1.000 on the candidate's test images.
    [Theory]
    [InlineData(0.95, "not better than serving F1 1.000 on the same")]
    [InlineData(1.0, "ties keep the serving model")]
    [InlineData(0.70, "below minimum 0.800")]
    public async Task A_worse_or_equal_model_on_the_same_test_images_is_gated_out_and_the_old_one_keeps_serving(double f1, string reason)
    {
        using var twin = await TrainingTwin.StartAsync();
        await twin.LabelAsync(20);
        var old = await twin.SeedServingAsync(0.82, TrainingTwin.RightAbout(30));
        await twin.LabelAsync(10);
        twin.Plan(new LocalPlannedVersion(F1: f1));

        var run = await twin.RunAsync();

        Assert.Equal(TrainingStatus.GatedOut, run.OutcomeStatus);
        var state = await twin.StateAsync();
        Assert.Equal(old, state.Serving!.ProjectVersionArn);
        Assert.Null(state.Candidate);
        Assert.Equal(TrainingAttemptOutcome.GatedOut, state.LastTrainingAttempt!.Outcome);
        Assert.Equal(LocalModelTraining.Running, await twin.StatusOfAsync(old));
        Assert.Equal(LocalModelTraining.TrainingCompleted, await twin.StatusOfAsync(run.VersionArn!));
        Assert.Equal(["model-trained", "gate-failed"], twin.Outbox.Published().Select(n => n.Kind));
        Assert.Contains(reason, twin.Outbox.Published()[1].Message, StringComparison.Ordinal);
        Assert.Empty(twin.Watch.Violations);

        // The same set is not trained again on the next poll.
        var next = await twin.RunAsync();
        Assert.Equal(TrainingStatus.Skipped, next.OutcomeStatus);
        Assert.Contains("was not deployed", next.Output.GetProperty("check").GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_training_is_not_retried_on_the_same_set_but_is_after_new_labels()
    {
        using var twin = await TrainingTwin.StartAsync();
        await twin.LabelAsync(12);
        twin.Plan(new LocalPlannedVersion(Failure: "The manifest file contains too many invalid data or annotations."), new LocalPlannedVersion(F1: 0.85));

        var failed = await twin.RunAsync();
        var samePoll = await twin.RunAsync();
        await twin.LabelAsync(1);
        var retried = await twin.RunAsync();

        Assert.Equal(TrainingStatus.TrainingFailed, failed.OutcomeStatus);
        var mail = twin.Outbox.Published()[0];
        Assert.Equal("training-failed", mail.Kind);
        Assert.Contains("TRAINING_FAILED: The manifest file contains too many invalid data or annotations.", mail.Message, StringComparison.Ordinal);
        Assert.Equal(TrainingStatus.Skipped, samePoll.OutcomeStatus);
        Assert.Contains("failed on 2026-03-02 09:45 UTC; waiting for new labels or an operator retry", samePoll.Output.GetProperty("check").GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(TrainingStatus.Deployed, retried.OutcomeStatus);
        Assert.Equal(2, (await twin.Training.VersionsAsync(default)).Count);
        Assert.Equal(13, (await twin.StateAsync()).LastSuccessfulTraining!.LabeledImageCount);
    }

    [Fact]
    public async Task An_operator_retry_trains_an_unchanged_failed_set_again()
    {
        using var twin = await TrainingTwin.StartAsync();
        await twin.LabelAsync(12);
        twin.Plan(new LocalPlannedVersion(Failure: "internal error"), new LocalPlannedVersion(F1: 0.85));

        await twin.RunAsync();
        var retried = await twin.RunAsync(retry: true);

        Assert.Equal(TrainingStatus.Deployed, retried.OutcomeStatus);
    }

    [Fact]
    public async Task A_training_still_running_after_the_poll_bound_is_given_up_as_failed()
    {
        using var twin = await TrainingTwin.StartAsync();
        await twin.LabelAsync(12);
        twin.Plan(new LocalPlannedVersion(F1: 0.9, TrainingMinutes: 10_000));

        var run = await twin.RunAsync(maxPolls: 4);

        Assert.Equal(TrainingStatus.TrainingFailed, run.OutcomeStatus);
        Assert.Equal(4, run.Output.GetProperty("training").GetProperty("polls").GetInt32());
        Assert.Contains("still TRAINING_IN_PROGRESS after 4 polls 300 s apart", twin.Outbox.Published().Single().Message, StringComparison.Ordinal);
        var state = await twin.StateAsync();
        Assert.Null(state.Candidate);
        Assert.Equal(TrainingAttemptOutcome.Failed, state.LastTrainingAttempt!.Outcome);
    }

    [Fact]
    public async Task A_version_that_fails_to_start_is_stopped_and_the_old_one_keeps_serving()
    {
        using var twin = await TrainingTwin.StartAsync();
        await twin.LabelAsync(20);
        var old = await twin.SeedServingAsync(0.82);
        await twin.LabelAsync(10);
        twin.Plan(new LocalPlannedVersion(F1: 0.9, StartFailure: "The model could not be hosted."));

        var run = await twin.RunAsync();

        Assert.Equal(TrainingStatus.DeployFailed, run.OutcomeStatus);
        var state = await twin.StateAsync();
        Assert.Equal(old, state.Serving!.ProjectVersionArn);
        Assert.Equal(TrainingAttemptOutcome.Failed, state.LastTrainingAttempt!.Outcome);
        Assert.Null(state.Candidate);
        Assert.Equal(LocalModelTraining.Failed, await twin.StatusOfAsync(run.VersionArn!));
        Assert.Equal(LocalModelTraining.Running, await twin.StatusOfAsync(old));
        var mail = twin.Outbox.Published().Single(n => n.Kind == "deploy-failed");
        Assert.Contains($"{old} keeps serving", mail.Message, StringComparison.Ordinal);
        Assert.Contains("FAILED: The model could not be hosted.", mail.Message, StringComparison.Ordinal);
        Assert.All(twin.Watch.ServingHistory, s => Assert.Equal(old, s));
        Assert.Empty(twin.Watch.Violations);
    }

    [Fact]
    public async Task A_start_refused_by_the_service_stops_the_new_version_and_the_old_one_keeps_serving()
    {
        using var twin = await TrainingTwin.StartAsync(new PortFault(typeof(IModelTraining), nameof(IModelTraining.StartVersionAsync), Twin.FaultMode.Always, PortFailure.Invalid));
        await twin.LabelAsync(20);
        var old = await twin.SeedServingAsync(0.82);
        await twin.LabelAsync(10);
        twin.Plan(new LocalPlannedVersion(F1: 0.9));

        var run = await twin.RunAsync();

        Assert.Equal(TrainingStatus.DeployFailed, run.OutcomeStatus);
        Assert.Equal(old, (await twin.StateAsync()).Serving!.ProjectVersionArn);
        Assert.Equal(LocalModelTraining.TrainingCompleted, await twin.StatusOfAsync(run.VersionArn!));
        Assert.Contains("Port.Invalid", twin.Outbox.Published().Single(n => n.Kind == "deploy-failed").Message, StringComparison.Ordinal);
        Assert.Empty(twin.Watch.Violations);
    }

    [Fact]
    public async Task A_switch_that_fails_is_rolled_back_and_the_new_version_stopped()
    {
        string? newArn = null;
        using var twin = await TrainingTwin.StartAsync(parameters: inner => new FailingServingWrites(inner, () => newArn, writeFirst: false));
        await twin.LabelAsync(20);
        var old = await twin.SeedServingAsync(0.82);
        await twin.LabelAsync(10);
        twin.Plan(new LocalPlannedVersion(F1: 0.9));
        newArn = "arn:aws:rekognition:us-east-1:123456789012:project/ci/version/ci-2026";

        var run = await twin.RunAsync();

        Assert.True(TrainingStatus.DeployFailed == run.OutcomeStatus, run.ToString());
        var state = await twin.StateAsync();
        Assert.Equal((old, 0.82), (state.Serving!.ProjectVersionArn, state.Serving.F1));
        Assert.Equal(20, state.LastSuccessfulTraining!.LabeledImageCount);
        Assert.Equal(LocalModelTraining.Running, await twin.StatusOfAsync(old));
        Assert.Equal(LocalModelTraining.Stopped, await twin.StatusOfAsync(run.VersionArn!));
        var mail = twin.Outbox.Published().Single(n => n.Kind == "deploy-failed");
        Assert.Contains("switch serving back to the old model version: done", mail.Message, StringComparison.Ordinal);
        Assert.Contains($"{old} keeps serving", mail.Message, StringComparison.Ordinal);
        Assert.Empty(twin.Watch.Violations);
    }

    [Fact]
    public async Task An_old_version_that_will_not_stop_still_deploys_the_new_one_with_a_warning()
    {
        using var twin = await TrainingTwin.StartAsync(new PortFault(typeof(IModelTraining), nameof(IModelTraining.StopVersionAsync), Twin.FaultMode.Always, PortFailure.Unavailable));
        await twin.LabelAsync(20);
        var old = await twin.SeedServingAsync(0.82);
        await twin.LabelAsync(10);
        twin.Plan(new LocalPlannedVersion(F1: 0.9));

        var run = await twin.RunAsync();

        Assert.Equal(TrainingStatus.Deployed, run.OutcomeStatus);
        Assert.Equal(run.VersionArn, (await twin.StateAsync()).Serving!.ProjectVersionArn);
        Assert.Equal(LocalModelTraining.Running, await twin.StatusOfAsync(old));
        var mail = twin.Outbox.Published().Single(n => n.Kind == "model-deployed");
        Assert.Contains("(needs attention)", mail.Subject, StringComparison.Ordinal);
        Assert.Contains($"Warning: old version {old} still running: stop it by hand", mail.Message, StringComparison.Ordinal);
        Assert.Empty(twin.Watch.Violations);
    }

    [Fact]
    public async Task A_training_in_progress_blocks_a_second_execution()
    {
        using var twin = await TrainingTwin.StartAsync();
        await twin.LabelAsync(12);
        var state = await twin.StateAsync();
        await twin.Parameters.PutAsync(TrainingTwin.Catalog.FullName(TrainingTwin.Catalog.SystemParameter.Name), Core.State.SystemStateDocument.Serialize(state with
        {
            Candidate = new Core.State.CandidateVersion("arn:other", "TRAINING_IN_PROGRESS", twin.Clock.Now.AddHours(-1), "f", 3, null),
        }), default);

        var run = await twin.RunAsync();

        Assert.Equal(TrainingStatus.Skipped, run.OutcomeStatus);
        Assert.Contains("a training is already in progress", twin.Digest.Pending().Single().Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_executions_started_together_train_one_version_and_the_other_is_skipped_with_the_reason()
    {
        using var twin = await TrainingTwin.StartAsync(parameters: p => new ChecksMeet(p, executions: 2));
        await twin.LabelAsync(12);
        twin.Plan(new LocalPlannedVersion(F1: 0.9), new LocalPlannedVersion(F1: 0.9));

        // A schedule event delivered twice (EventBridge delivers at least once), or a manual start beside the schedule:
        // both checks read the settings and the system parameter before either claims the training.
        var runs = await Task.WhenAll(Task.Run(() => twin.RunAsync()), Task.Run(() => twin.RunAsync()));

        var versions = await twin.Training.VersionsAsync(default);
        var trained = Assert.Single(versions);
        Assert.True(runs.Select(r => r.OutcomeStatus).Order().SequenceEqual([TrainingStatus.Deployed, TrainingStatus.Skipped]), string.Join("\n", runs.Select(r => r.ToString())));
        var state = await twin.StateAsync();
        Assert.Equal(trained.Arn, state.Serving?.ProjectVersionArn);
        Assert.Null(state.Claim);
        Assert.Null(state.Candidate);
        Assert.Equal(1, state.Counters.Trainings);
        // Which one the second sees depends on how far the first got when the second claimed under the lease.
        var skipped = twin.Digest.Pending().Single(n => n.Kind == "training-skipped").Message;
        Assert.True(skipped.Contains("a training is already in progress (", StringComparison.Ordinal) || skipped.Contains("0 new labeled images", StringComparison.Ordinal), skipped);
        Assert.Empty(twin.Watch.Violations);
    }

    [Fact]
    public async Task A_training_that_fails_before_recording_its_version_gives_up_its_claim()
    {
        using var twin = await TrainingTwin.StartAsync(new PortFault(typeof(IModelTraining), nameof(IModelTraining.CreateVersionAsync), Twin.FaultMode.Always, PortFailure.Invalid));
        await twin.LabelAsync(12);

        var run = await twin.RunAsync();

        Assert.Equal(ExecutionStatus.Failed, run.Status);
        Assert.Contains("after the error this execution's claim on the training was given up", twin.Outbox.Published().Single(n => n.Kind == "workflow-error").Message, StringComparison.Ordinal);
        Assert.Null((await twin.StateAsync()).Claim);
    }

    [Fact]
    public async Task A_version_created_but_never_recorded_gives_up_the_claim_and_says_so()
    {
        using var twin = await TrainingTwin.StartAsync();
        const string Execution = "arn:aws:states:us-east-1:123456789012:execution:Training:run-1";
        const string Version = "arn:aws:rekognition:us-east-1:123456789012:project/ci/version/v9/1";
        await twin.SetStateAsync(Core.State.SystemState.Initial with { Claim = new Core.State.TrainingClaim(Execution, twin.Clock.Now) });
        var check = new TrainingCheck(true, "due", TrainingTwin.Bucket, TrainingTwin.ProjectArn, twin.Clock.Now, 300, 288, 12, new string('e', 64), 0, new Dictionary<string, string>(), [], null, Execution);
        var created = new CandidateCreated(Version, "v9", new string('e', 64), 12, "s3://ci-uploads/m/train.manifest", "s3://ci-uploads/m/test.manifest", 9, 3, []);

        var released = await new ReleaseCandidate(twin.Ports).HandleAsync(new ReleaseCandidateRequest(new TrainingProgress(check, created)), default);

        Assert.True(released.Released);
        Assert.Equal($"this execution's claim on the training was given up (version {Version} was created but never recorded)", released.Summary);
        Assert.Null((await twin.StateAsync()).Claim);
    }

    [Fact]
    public async Task A_switch_that_landed_but_timed_out_is_confirmed_by_the_retry_and_deploys()
    {
        string? newArn = null;
        using var twin = await TrainingTwin.StartAsync(parameters: inner => new FailingServingWrites(inner, () => newArn, writeFirst: true, times: 1));
        await twin.LabelAsync(20);
        var old = await twin.SeedServingAsync(0.82);
        await twin.LabelAsync(10);
        twin.Plan(new LocalPlannedVersion(F1: 0.9));
        newArn = "arn:aws:rekognition:us-east-1:123456789012:project/ci/version/ci-2026";

        var run = await twin.RunAsync();

        Assert.Equal(TrainingStatus.Deployed, run.OutcomeStatus);
        Assert.Equal(run.VersionArn, (await twin.StateAsync()).Serving!.ProjectVersionArn);
        Assert.Equal(LocalModelTraining.Stopped, await twin.StatusOfAsync(old));
        Assert.Empty(twin.Watch.Violations);
    }

    [Fact]
    public async Task A_new_version_that_cannot_be_seen_running_is_abandoned_and_left_for_a_human_to_stop_while_the_old_one_serves()
    {
        using var twin = await TrainingTwin.StartAsync(training: inner => new DescribeFailsAfterStart(inner));
        await twin.LabelAsync(20);
        var old = await twin.SeedServingAsync(0.82);
        await twin.LabelAsync(10);
        twin.Plan(new LocalPlannedVersion(F1: 0.9));

        var run = await twin.RunAsync();

        Assert.True(run.OutcomeStatus == TrainingStatus.DeployFailed, run.ToString());
        Assert.Equal(old, (await twin.StateAsync()).Serving!.ProjectVersionArn);
        var mail = twin.Outbox.Published().Single(n => n.Kind == "deploy-failed");
        Assert.Contains($"new version {run.VersionArn} still running: stop it by hand", mail.Message, StringComparison.Ordinal);
        Assert.Contains("gave up after 4 attempts", mail.Message, StringComparison.Ordinal);
        Assert.Empty(twin.Watch.Violations);
    }
}
