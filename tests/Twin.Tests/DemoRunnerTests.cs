using ContinuousImprovement.Local.Cli.Demo;
using ContinuousImprovement.Local.Model;

namespace ContinuousImprovement.Local.Twin.Tests;

public sealed class DemoRunnerTests : IDisposable
{
    private readonly TwinFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task A_small_demo_trains_and_deploys_a_first_version_asks_humans_and_plots_the_curve()
    {
        Assert.True(FashionMnist.IsInstalled(), "Fashion-MNIST is needed (./test installs dataset-fashion-mnist).");
        var settings = DemoSettings.Quick with { SeedPerClass = 10, Uploads = 200, BatchSize = 100, HeldOut = 100 };
        var lines = new List<DemoProgress>();

        var report = await new DemoRunner(settings, folder.Path, new Recorder(lines)).RunAsync(CancellationToken.None);

        var first = report.Versions[0];
        Assert.Equal(100, first.LabeledImages);
        Assert.True(first.Deployed, first.Outcome);
        Assert.InRange(first.HeldOutF1!.Value, 0.3, 1.0);
        Assert.Equal(200, report.Uploads);
        Assert.InRange(report.HumanLabels, 1, 200);
        Assert.Equal(0, report.FailedExecutions);
        Assert.Equal(1, report.NotificationsByKind["model-deployed"]);
        Assert.Contains(lines, l => l.Line?.Contains("deployed blue/green", StringComparison.Ordinal) == true);
        Assert.Equal(0, report.Curve[0].HumanLabels);
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], File.ReadAllBytes(report.PlotPath)[..4]);
    }

    private sealed class Recorder(List<DemoProgress> lines) : IProgress<DemoProgress>
    {
        public void Report(DemoProgress value) => lines.Add(value);
    }
}
