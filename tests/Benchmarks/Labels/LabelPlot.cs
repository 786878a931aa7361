using ScottPlot;

namespace ContinuousImprovement.Benchmarks.Labels;

/// <summary>The learning curves as a PNG: macro F1 against human labels used, one line per strategy.</summary>
internal static class LabelPlot
{
    public static string Write(Dictionary<string, List<(int Labels, double F1)>> curves, string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var plot = new Plot();
        foreach (var (name, points) in curves)
        {
            var line = plot.Add.Scatter(points.Select(p => (double)p.Labels).ToArray(), points.Select(p => p.F1).ToArray());
            line.LegendText = name;
        }

        plot.Title("Macro F1 vs human labels (Fashion-MNIST)");
        plot.XLabel("human labels used");
        plot.YLabel("macro F1 on held-out images");
        plot.ShowLegend(Alignment.LowerRight);
        plot.SavePng(path, 800, 500);
        return path;
    }
}
