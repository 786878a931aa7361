using ScottPlot;

namespace ContinuousImprovement.Local.Cli.Demo;

/// <summary>The demo's learning curve as a PNG: the serving model's macro F1 on held-out images against human labels used.</summary>
public static class DemoPlot
{
    public static string Write(IReadOnlyList<DemoPoint> curve, string path)
    {
        ArgumentNullException.ThrowIfNull(curve);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var plot = new Plot();
        if (curve.Count > 0)
        {
            // A step line: the F1 stays what it is until the next deploy.
            var line = plot.Add.Scatter(curve.Select(p => (double)p.HumanLabels).ToArray(), curve.Select(p => p.HeldOutF1).ToArray());
            line.ConnectStyle = ConnectStyle.StepHorizontal;
            line.LegendText = "serving model";
            foreach (var deploy in curve.Where((p, i) => i == 0 || p.Version != curve[i - 1].Version))
            {
                plot.Add.Text(deploy.Version, deploy.HumanLabels, deploy.HeldOutF1);
            }
        }

        plot.Title("ContinuousImprovement demo: macro F1 vs human labels (Fashion-MNIST)");
        plot.XLabel("human labels used");
        plot.YLabel("macro F1 on held-out images");
        plot.SavePng(path, 900, 520);
        return path;
    }
}
