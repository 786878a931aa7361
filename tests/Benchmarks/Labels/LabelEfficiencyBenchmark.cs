using System.Globalization;
using ContinuousImprovement.Core.Sampling;
using ContinuousImprovement.Core.Training;
using ContinuousImprovement.Local.Model;

namespace ContinuousImprovement.Benchmarks.Labels;

/// <summary>
/// <c>labels</c>: how many human labels each sampling strategy needs to reach a given macro F1, on
/// Fashion-MNIST, with the same model, seed set, stream and budget for all, averaged over seeds. Random
/// choice is the reference every active-learning strategy must beat.
/// </summary>
internal static class LabelEfficiencyBenchmark
{
    public static int Run(bool quick)
    {
        if (!FashionMnist.IsInstalled())
        {
            Console.Error.WriteLine($"Fashion-MNIST is not installed at {FashionMnist.DefaultFolder}: apt-get install dataset-fashion-mnist (./test does).");
            return 2;
        }

        var settings = quick
            ? new Settings(PoolSize: 1500, TestSize: 400, SeedPerClass: 10, Batch: 40, Budget: 260, Seeds: [1])
            : new Settings(PoolSize: 8000, TestSize: 1000, SeedPerClass: 10, Batch: 50, Budget: 800, Seeds: [1, 2, 3]);
        var pool = FashionMnist.Load(training: true, limit: settings.PoolSize)
            .Select((image, i) => new PoolImage($"pool/{i:D5}.png", ImagePixels.FromRawPixels(image.Pixels), image.Label))
            .ToList();
        var test = FashionMnist.Load(training: false, limit: settings.TestSize)
            .Select(image => (Features: ImagePixels.FromRawPixels(image.Pixels), image.Label))
            .ToList();
        Console.WriteLine($"Label efficiency on Fashion-MNIST ({(quick ? "quick" : "full")} run): pool {pool.Count}, test {test.Count}, seed set {settings.SeedPerClass} per class, batches of {settings.Batch}, budget {settings.Budget} labels, {settings.Seeds.Count} seed(s)");

        var curves = LabelStrategy.All.ToDictionary(s => s.Name, _ => new SortedDictionary<int, List<double>>());
        foreach (var seed in settings.Seeds)
        {
            var seedSet = pool.OrderBy(p => SamplingDraw.Uniform(seed, p.Key)).GroupBy(p => p.TrueLabel).SelectMany(g => g.Take(settings.SeedPerClass)).ToList();
            foreach (var strategy in LabelStrategy.All)
            {
                foreach (var (labels, f1) in Simulate(strategy, seedSet, pool, test, settings, seed))
                {
                    var points = curves[strategy.Name];
                    if (!points.TryGetValue(labels, out var values))
                    {
                        points[labels] = values = [];
                    }

                    values.Add(f1);
                }
            }
        }

        var averaged = curves.ToDictionary(c => c.Key, c => c.Value.Select(p => (Labels: p.Key, F1: p.Value.Average())).ToList());
        PrintCurves(averaged);
        var plot = LabelPlot.Write(averaged, Path.Combine(Repository.Path(".test-results"), "labels.png"));
        Console.WriteLine($"plot: {plot}");
        return PrintVerdict(averaged, settings.Budget);
    }

    private static IEnumerable<(int Labels, double F1)> Simulate(LabelStrategy strategy, List<PoolImage> seedSet, List<PoolImage> pool, List<(float[] Features, string Label)> test, Settings settings, int seed)
    {
        var labeled = new List<PoolImage>(seedSet);
        var taken = new HashSet<string>(labeled.Select(p => p.Key), StringComparer.Ordinal);
        while (true)
        {
            var model = PixelClassifier.Train(labeled.Select(p => new LabeledFeatures(p.Features, p.TrueLabel)).ToList(), seed);
            var f1 = ModelEvaluation.From(test.Select(t => (t.Label, (string?)model.PredictLabel(t.Features)))).MacroF1;
            yield return (labeled.Count, f1);
            if (labeled.Count >= settings.Budget)
            {
                yield break;
            }

            var remaining = pool.Where(p => !taken.Contains(p.Key)).ToList();
            var metrics = remaining
                .Select(p => SamplingPolicy.Decide(new SamplingInput(new Prediction(model.Predict(p.Features)), p.Key, 0, null, 0), SamplingSettings.Default).Metrics)
                .ToList();
            foreach (var picked in strategy.Pick(remaining, metrics, Math.Min(settings.Batch, settings.Budget - labeled.Count), seed))
            {
                labeled.Add(picked);
                taken.Add(picked.Key);
            }
        }
    }

    private static void PrintCurves(Dictionary<string, List<(int Labels, double F1)>> curves)
    {
        var columns = curves.First().Value.Select(p => p.Labels).ToList();
        Console.WriteLine();
        Console.WriteLine("macro F1 by human labels used");
        Console.WriteLine($"{"strategy",-18}" + string.Concat(columns.Select(c => $"{c,7}")));
        foreach (var (name, points) in curves)
        {
            Console.WriteLine($"{name,-18}" + string.Concat(points.Select(p => $"{p.F1,7:F3}")));
        }
    }

    /// <summary>Random's F1 with the whole budget, and how many labels each strategy needed to reach it.</summary>
    private static int PrintVerdict(Dictionary<string, List<(int Labels, double F1)>> curves, int budget)
    {
        var target = curves["random"][^1].F1;
        Console.WriteLine();
        Console.WriteLine($"labels needed to reach random's macro F1 at N={budget} ({target:F3}):");
        var needed = new Dictionary<string, int?>();
        foreach (var (name, points) in curves)
        {
            needed[name] = points.FirstOrDefault(p => p.F1 >= target).Labels is var labels && labels > 0 ? labels : null;
            Console.WriteLine($"  {name,-18} {(needed[name] is { } n ? $"{n,5} ({n / (double)budget:F2}N)" : "  not reached within the budget")}");
        }

        var best = needed.Where(n => n.Key != "random" && n.Value is not null).OrderBy(n => n.Value).FirstOrDefault();
        Console.WriteLine("target: margin or entropy reaches random's F1-at-N with ≤ N/2 labels");
        Console.WriteLine(best.Key is null
            ? $"labels to match random at N={budget}: none within the budget"
            : $"labels to match random at N={budget}: {best.Key} {(best.Value!.Value / (double)budget).ToString("F2", CultureInfo.InvariantCulture)}N");
        return 0;
    }

    private sealed record Settings(int PoolSize, int TestSize, int SeedPerClass, int Batch, int Budget, IReadOnlyList<int> Seeds);
}
