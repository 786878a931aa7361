using System.Globalization;
using ContinuousImprovement.Asl.Runtime;
using ContinuousImprovement.Core.Filing;
using ContinuousImprovement.Core.Storage;
using ContinuousImprovement.Core.Training;
using ContinuousImprovement.Local.Adapters;
using ContinuousImprovement.Local.Model;
using ContinuousImprovement.Local.Portal;
using ContinuousImprovement.Local.Twin;
using ContinuousImprovement.Local.Twin.Workflows;

namespace ContinuousImprovement.Local.Cli.Demo;

/// <summary>
/// The whole loop on real images, driven on the twin's virtual clock: an operator seeds labeled images and sets the
/// parameters; training makes the first version; consumers upload a stream of Fashion-MNIST images in batches; the
/// detection workflow asks humans about the uncertain ones; simulated reviewers answer; review filing files them;
/// the schedule retrains, the F1 gate decides, blue/green deploys. Every step is the real workflow on the twin —
/// the demo only uploads, answers loops, and moves time.
/// </summary>
public sealed class DemoRunner(DemoSettings settings, string folder, IProgress<DemoProgress> progress)
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    public async Task<DemoReport> RunAsync(CancellationToken cancellationToken)
    {
        if (!FashionMnist.IsInstalled())
        {
            throw new CliException($"The demo learns from Fashion-MNIST, which is not in {FashionMnist.DefaultFolder}. Install it (Debian/Ubuntu: sudo apt-get install dataset-fashion-mnist) and run again.", ExitCodes.Unavailable);
        }

        progress.Report(new DemoProgress("loading Fashion-MNIST", 0, 1));
        var pool = FashionMnist.Load(training: true, limit: settings.Uploads + (settings.SeedPerClass * 40));
        var heldOut = FashionMnist.Load(training: false, limit: settings.HeldOut);
        var seed = pool.GroupBy(i => i.ClassNumber).SelectMany(g => g.Take(settings.SeedPerClass)).ToList();
        var stream = pool.Except(seed).Take(settings.Uploads).ToList();

        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        var clock = new VirtualClock(Start);
        await using var twin = await LocalTwin.OpenAsync(new TwinOptions(folder) { Clock = clock, TrainingTime = TimeSpan.FromMinutes(30) }, cancellationToken).ConfigureAwait(false);
        using var answering = new LoopAnswering(twin.Reviews, twin.Objects, twin.Bucket, twin.Options.FlowDefinitionName);
        var truth = new Dictionary<string, string>(StringComparer.Ordinal);
        var workforce = new SimulatedWorkforce(answering, twin.Reviews, loop => truth.GetValueOrDefault(loop.Key), new WorkforceOptions(settings.ReviewerErrorRate));
        var training = twin.Training;
        var journey = new Journey(twin, training, heldOut);

        progress.Report(new DemoProgress("operator sets the parameters", 0, settings.Parameters.Count));
        foreach (var (name, value) in settings.Parameters)
        {
            await twin.Parameters.PutAsync(twin.Catalog.FullName(name), value, cancellationToken).ConfigureAwait(false);
        }

        await twin.WhenIdleAsync(cancellationToken).ConfigureAwait(false);

        progress.Report(new DemoProgress($"operator files {seed.Count} seed images", 0, seed.Count));
        foreach (var (image, i) in seed.Select((image, i) => (image, i)))
        {
            LabelFolder.TryEncode(image.Label, out var labelFolder, out _);
            await twin.Objects.PutAsync(twin.Bucket, $"{BucketLayout.LabeledImages}{labelFolder}/seed-{i:D4}.png", ImagePixels.ToPng(image.Pixels), "image/png", null, cancellationToken).ConfigureAwait(false);
        }

        // The first training does not wait for the schedule: the operator starts the training workflow once.
        progress.Report(new DemoProgress("training the first version on the seed set", 0, 1));
        await journey.TrainAsync(() => twin.Scheduler.StartNow("training"), humanLabels: 0, cancellationToken).ConfigureAwait(false);
        Report(journey);

        int humanLabels = 0, mistakes = 0;
        for (var done = 0; done < stream.Count; done += settings.BatchSize)
        {
            var batch = stream.Skip(done).Take(settings.BatchSize).ToList();
            foreach (var (image, i) in batch.Select((image, i) => (image, done + i)))
            {
                var stored = await twin.UploadAsync($"upload-{i:D5}.png", ImagePixels.ToPng(image.Pixels), "image/png", cancellationToken).ConfigureAwait(false);
                truth[stored.Ref.Key] = image.Label;
            }

            await twin.WhenIdleAsync(cancellationToken).ConfigureAwait(false);
            var round = await workforce.AnswerDueAsync(clock.Now, cancellationToken).ConfigureAwait(false);
            humanLabels += round.Answered;
            mistakes += round.Mistaken;
            await twin.WhenIdleAsync(cancellationToken).ConfigureAwait(false);

            clock.Advance(settings.BatchEvery);
            await journey.TrainAsync(() => twin.Scheduler.Tick(clock.Now), humanLabels, cancellationToken).ConfigureAwait(false);
            progress.Report(new DemoProgress($"uploads ({humanLabels} human labels so far)", done + batch.Count, stream.Count));
            Report(journey);
        }

        var outbox = twin.Outbox.Published();
        var failed = twin.Journal.Summaries().Count(e => e.Status != "SUCCEEDED");
        var versions = await journey.VersionsAsync(outbox, cancellationToken).ConfigureAwait(false);
        var plot = DemoPlot.Write(journey.Curve, Path.Combine(folder, "demo-f1-vs-labels.png"));
        return new DemoReport(
            versions,
            journey.Curve,
            stream.Count,
            humanLabels,
            mistakes,
            outbox.Count,
            outbox.GroupBy(n => n.Kind).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
            failed,
            plot);
    }

    private void Report(Journey journey)
    {
        foreach (var line in journey.TakeNews())
        {
            progress.Report(new DemoProgress("", 0, 0, line));
        }
    }

    /// <summary>What the demo follows across trainings: labeled images at each start, what serves, the learning curve.</summary>
    private sealed class Journey(LocalTwin twin, LocalModelTraining training, IReadOnlyList<MnistImage> heldOut)
    {
        private readonly Dictionary<string, int> labeledAtTraining = new(StringComparer.Ordinal);
        private readonly Dictionary<string, double> heldOutF1 = new(StringComparer.Ordinal);
        private readonly HashSet<string> deployed = new(StringComparer.Ordinal);
        private readonly List<string> news = [];
        private string? serving;

        public List<DemoPoint> Curve { get; } = [];

        /// <summary>Starts whatever <paramref name="start"/> starts, waits for it, and notes any new version and any switch of the serving one.</summary>
        public async Task TrainAsync(Action start, int humanLabels, CancellationToken cancellationToken)
        {
            var labeled = await CountLabeledAsync(cancellationToken).ConfigureAwait(false);
            var before = (await training.VersionsAsync(cancellationToken).ConfigureAwait(false)).Select(v => v.Arn).ToHashSet(StringComparer.Ordinal);
            start();
            await twin.WhenIdleAsync(cancellationToken).ConfigureAwait(false);
            foreach (var version in await training.VersionsAsync(cancellationToken).ConfigureAwait(false))
            {
                if (!before.Contains(version.Arn))
                {
                    labeledAtTraining[version.Arn] = labeled;
                    news.Add($"{version.VersionName}: trained on {labeled} labeled images, F1 {Format(version.F1)} on its test split");
                }
            }

            var now = (await twin.StateAsync(cancellationToken).ConfigureAwait(false))?.Serving?.ProjectVersionArn;
            if (now is not null && now != serving)
            {
                serving = now;
                deployed.Add(now);
                var f1 = await HeldOutF1Async(now, cancellationToken).ConfigureAwait(false);
                heldOutF1[now] = f1;
                var record = await training.DescribeLocalVersionAsync(now, cancellationToken).ConfigureAwait(false);
                var name = record?.VersionName ?? now;
                Curve.Add(new DemoPoint(humanLabels, f1, record is null ? name : $"v{record.Sequence}"));
                news.Add($"{name} deployed blue/green: macro F1 {f1:0.000} on {heldOut.Count} held-out images after {humanLabels} human labels");
            }
            else if (serving is not null && Curve.Count > 0 && Curve[^1].HumanLabels != humanLabels)
            {
                Curve.Add(Curve[^1] with { HumanLabels = humanLabels });
            }
        }

        public List<string> TakeNews()
        {
            var taken = news.ToList();
            news.Clear();
            return taken;
        }

        public async Task<IReadOnlyList<DemoVersion>> VersionsAsync(IReadOnlyList<Core.Ports.Notification> outbox, CancellationToken cancellationToken)
        {
            var versions = new List<DemoVersion>();
            foreach (var version in await training.VersionsAsync(cancellationToken).ConfigureAwait(false))
            {
                // Every trained version is scored on the held-out images too, so the table shows whether the gate chose well.
                if (!heldOutF1.ContainsKey(version.Arn) && version.ModelFile is not null)
                {
                    heldOutF1[version.Arn] = await HeldOutF1Async(version.Arn, cancellationToken).ConfigureAwait(false);
                }

                var outcome = deployed.Contains(version.Arn)
                    ? version.Arn == serving ? "deployed, serving" : "deployed, replaced later"
                    : WhyNot(version, outbox);
                versions.Add(new DemoVersion(version.VersionName, version.Arn, labeledAtTraining.GetValueOrDefault(version.Arn), version.F1, heldOutF1.TryGetValue(version.Arn, out var f1) ? f1 : null, deployed.Contains(version.Arn), outcome));
            }

            return versions;
        }

        private static string WhyNot(LocalVersionRecord version, IReadOnlyList<Core.Ports.Notification> outbox)
        {
            var said = outbox.LastOrDefault(n => n.Kind is "gate-failed" or "training-failed" or "deploy-failed" && n.Message.Contains(version.Arn, StringComparison.Ordinal));
            if (said is null)
            {
                return $"not deployed ({version.Status})";
            }

            // The gate's own words are the most useful outcome: "candidate F1 … but not better than serving F1 …".
            const string Marker = "was not deployed: ";
            var at = said.Message.IndexOf(Marker, StringComparison.Ordinal);
            var end = at < 0 ? -1 : said.Message.IndexOf(". ", at, StringComparison.Ordinal);
            return at >= 0 && end > at ? $"{said.Kind}: {said.Message[(at + Marker.Length)..end]}" : $"{said.Kind}: {said.Subject}";
        }

        private async Task<double> HeldOutF1Async(string arn, CancellationToken cancellationToken)
        {
            var record = await training.DescribeLocalVersionAsync(arn, cancellationToken).ConfigureAwait(false);
            if (record?.ModelFile is not { } file)
            {
                return double.NaN;
            }

            var model = twin.Predictor.Model(Path.Combine(twin.Folder, "models", file));
            return ModelEvaluation.From(heldOut.Select(image => (image.Label, (string?)model.PredictLabel(ImagePixels.FromRawPixels(image.Pixels))))).MacroF1;
        }

        private async Task<int> CountLabeledAsync(CancellationToken cancellationToken)
        {
            var count = 0;
            await foreach (var _ in twin.Objects.ListAsync(twin.Bucket, BucketLayout.LabeledImages, cancellationToken).ConfigureAwait(false))
            {
                count++;
            }

            return count;
        }

        private static string Format(double? f1) => f1?.ToString("0.000", CultureInfo.InvariantCulture) ?? "-";
    }
}
