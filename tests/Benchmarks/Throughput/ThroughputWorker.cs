using System.Globalization;
using ContinuousImprovement.Asl.Runtime;
using ContinuousImprovement.Core.Ports;
using ContinuousImprovement.Core.State;
using ContinuousImprovement.Core.Storage;
using ContinuousImprovement.Local.Adapters;
using ContinuousImprovement.Local.Model;
using ContinuousImprovement.Local.Twin;
using ContinuousImprovement.Local.Twin.Events;

namespace ContinuousImprovement.Benchmarks.Throughput;

/// <summary>
/// The worker side of <c>throughput</c>: a fresh twin in a temp folder with <c>n</c> images already in
/// <c>images_for_detection/</c>; their S3 events are published at once and the clock runs from the first event
/// until every detection execution has ended (inference logged, decision taken, human loops started).
/// </summary>
internal static class ThroughputWorker
{
    public const string Command = "throughput-worker";
    private const string ServingArn = "arn:aws:rekognition:local-1:000000000000:project/continuous-improvement/version/bench/1";
    private const int WarmUp = 200;

    public static async Task<ThroughputResult> RunAsync(string mode, int executions)
    {
        var folder = Path.Combine(Path.GetTempPath(), "ci-throughput-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var images = Images(Math.Min(executions + WarmUp, 2000));
            var stored = await StoreAsync(folder, images, executions + WarmUp);
            await using var twin = await LocalTwin.OpenAsync(new TwinOptions(folder)
            {
                Clock = new VirtualClock(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero)),
                KeepHistories = false,
                Trainer = new ScriptedTrainer(Path.Combine(folder, "plan.json")),
            });
            Serve(twin, mode);
            var state = SystemState.Initial with { Serving = new ServingVersion(ServingArn, 0.9, twin.Clock.Now) };
            await twin.Parameters.PutAsync(twin.Catalog.FullName(twin.Catalog.SystemParameter.Name), SystemStateDocument.Serialize(state), default);

            await PublishAsync(twin, stored.Take(WarmUp));
            await twin.WhenIdleAsync();
            var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
            var cpuBefore = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
            var watch = System.Diagnostics.Stopwatch.StartNew();
            await PublishAsync(twin, stored.Skip(WarmUp));
            await twin.WhenIdleAsync();
            watch.Stop();
            var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;

            // What the run keeps once it is over: the twin's real cost per inference, apart from garbage not yet collected.
            var retained = (GC.GetTotalMemory(forceFullCollection: true) - heapBefore) / (1024.0 * 1024.0);

            var runs = twin.Journal.Summaries().Skip(WarmUp).ToList();
            var logged = (await twin.Inferences.AllAsync(default)).Count - WarmUp;
            return new ThroughputResult(mode, executions, runs.Count(r => r.Status == "SUCCEEDED"), logged, twin.Reviews.OpenLoops().Count, watch.Elapsed.TotalSeconds, cpu.TotalSeconds, PeakRssMiB(), retained);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    // Uploads arrive as fast as the twin takes them, but no faster: EventBridge holds a backlog on its side, so a
    // run that queued all 100k events at once would measure the queue, not the twin.
    private const int Backlog = 1000;

    private static async Task PublishAsync(LocalTwin twin, IEnumerable<StoredObject> objects)
    {
        var sequence = 0L;
        foreach (var stored in objects)
        {
            while (twin.Bus.Pending >= Backlog)
            {
                await Task.Delay(1);
            }

            twin.Bus.Publish(S3EventJson.ObjectCreated(stored, "PutObject", twin.Clock.Now, ++sequence));
        }
    }

    private static void Serve(LocalTwin twin, string mode)
    {
        var models = Path.Combine(twin.Folder, "models");
        switch (mode)
        {
            case "lookup":
                // Every image gets the same confident answer: the workflow's own cost, no inference.
                LocalModelRuntime.Save(models, new LocalModelVersion(ServingArn, LocalModelRuntime.Running, new Dictionary<string, IReadOnlyList<LocalLabel>>(), [new LocalLabel("shirt", 97.5), new LocalLabel("coat", 1.2)]));
                break;
            case "model":
                // The ML.NET classifier the twin trains, on 1,000 Fashion-MNIST images: each detection decodes the
                // PNG and scores it. Its answers are real, so the sampling rules send some images to human loops.
                var examples = TrainingImages().Select(i => new LabeledFeatures(ImagePixels.FromRawPixels(i.Pixels), i.Label)).ToList();
                var classifier = PixelClassifier.Train(examples);
                Directory.CreateDirectory(models);
                using (var file = File.Create(Path.Combine(models, "bench.model")))
                {
                    classifier.Save(file);
                }

                LocalModelRuntime.Save(models, new LocalModelVersion(ServingArn, LocalModelRuntime.Running, new Dictionary<string, IReadOnlyList<LocalLabel>>(), null, "bench.model"));
                break;
            default:
                throw new ArgumentException($"Unknown mode {mode}.", nameof(mode));
        }
    }

    // The images are stored before the twin opens, so storing them raises no events and costs nothing measured.
    private static async Task<List<StoredObject>> StoreAsync(string folder, List<byte[]> images, int count)
    {
        using var store = new FolderObjectStore(Path.Combine(folder, "buckets"));
        var stored = new List<StoredObject>(count);
        for (var i = 0; i < count; i++)
        {
            var key = $"{BucketLayout.ImagesForDetection}{i / 1000:D3}/image-{i.ToString("D6", CultureInfo.InvariantCulture)}.png";
            stored.Add(await store.PutAsync(TwinOptions.DefaultBucket, key, images[i % images.Count], "image/png", null, default));
        }

        return stored;
    }

    private static IEnumerable<MnistImage> TrainingImages()
    {
        if (FashionMnist.IsInstalled())
        {
            return FashionMnist.Load(training: true, limit: 1000);
        }

        // Without the dataset: noise in two made-up classes, enough to time inference.
        var random = new Random(11);
        return Enumerable.Range(0, 200).Select(i =>
        {
            var pixels = new byte[28 * 28];
            random.NextBytes(pixels);
            return new MnistImage(pixels, i % 2);
        });
    }

    private static List<byte[]> Images(int count)
    {
        if (FashionMnist.IsInstalled())
        {
            return FashionMnist.Load(training: false, limit: count).Select(image => ImagePixels.ToPng(image.Pixels)).ToList();
        }

        var random = new Random(7);
        return Enumerable.Range(0, count).Select(_ =>
        {
            var pixels = new byte[28 * 28];
            random.NextBytes(pixels);
            return ImagePixels.ToPng(pixels);
        }).ToList();
    }

    private static double PeakRssMiB()
    {
        // VmHWM is the resident set's high-water mark: what the machine had to give this process at most.
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
            }
        }

        using var process = System.Diagnostics.Process.GetCurrentProcess();
        return process.PeakWorkingSet64 / (1024.0 * 1024.0);
    }
}
