using System.CommandLine;
using System.Globalization;
using ContinuousImprovement.Local.Cli.Demo;
using Spectre.Console;

namespace ContinuousImprovement.Local.Cli.Commands;

/// <summary>
/// <c>improve demo</c>: the continuous-improvement loop on real images in a few minutes (see <see cref="DemoRunner"/>),
/// ending with each model version's fate, the notification count and the learning curve's PNG on the last line.
/// </summary>
internal sealed class DemoCommand(IAnsiConsole console, Option<string> folder) : ICliCommand
{
    public Command Build()
    {
        var quick = new Option<bool>("--quick") { Description = "A shorter stream (under two minutes), as CI runs it." };
        var command = new Command("demo", "Run the whole loop on Fashion-MNIST: seed model, uploads, human review, retraining, F1 gate, blue/green deploys.") { quick };
        command.SetAction(async (parse, cancel) =>
        {
            // The demo starts from nothing each time, so it keeps to its own folder unless told otherwise.
            var chosen = parse.GetResult(folder) is { Implicit: false } ? parse.GetValue(folder)! : TwinFolders.Demo;
            var settings = parse.GetValue(quick) ? DemoSettings.Quick : DemoSettings.Full;
            console.WriteLine($"demo in {chosen}: {settings.SeedPerClass} seed images per class, {settings.Uploads} uploads in batches of {settings.BatchSize}, reviewers wrong {settings.ReviewerErrorRate:P0} of the time");
            DemoReport report = null!;
            await console.Progress().AutoClear(false).StartAsync(async context =>
            {
                var bar = context.AddTask("starting", maxValue: 1);
                var progress = new SynchronousProgress<DemoProgress>(step =>
                {
                    if (step.Line is { } line)
                    {
                        console.MarkupLineInterpolated($"  [green]{line}[/]");
                        return;
                    }

                    bar.Description = step.Phase;
                    bar.MaxValue = Math.Max(1, step.Total);
                    bar.Value = step.Done;
                });
                report = await new DemoRunner(settings, chosen, progress).RunAsync(cancel).ConfigureAwait(false);
                bar.Value = bar.MaxValue;
            }).ConfigureAwait(false);

            Show(report);
            return report.FailedExecutions == 0 ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return command;
    }

    private void Show(DemoReport report)
    {
        var table = new Table().AddColumns("", "version", "labeled images", "F1 (test split)", "F1 (held-out)", "outcome");
        foreach (var (version, i) in report.Versions.Select((v, i) => (v, i)))
        {
            table.AddRow($"v{i + 1}", version.Name, version.LabeledImages.ToString(CultureInfo.InvariantCulture), F1(version.F1), F1(version.HeldOutF1), version.Outcome);
        }

        console.Write(table);
        console.WriteLine($"{report.Uploads} uploads, {report.HumanLabels} human labels ({report.ReviewerMistakes} of them deliberately wrong), {report.FailedExecutions} failed executions");
        console.WriteLine($"{report.Notifications} notifications: {string.Join(", ", report.NotificationsByKind.Select(k => $"{k.Key} {k.Value}"))}");
        console.WriteLine($"plot: {report.PlotPath}");
    }

    private static string F1(double? f1) => f1 is { } value && !double.IsNaN(value) ? value.ToString("0.000", CultureInfo.InvariantCulture) : "-";
}
