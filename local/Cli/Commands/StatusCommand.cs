using System.CommandLine;
using System.Globalization;
using ContinuousImprovement.Core.Storage;
using Spectre.Console;

namespace ContinuousImprovement.Local.Cli.Commands;

/// <summary><c>improve status</c>: what serves, how well, what waits for reviewers, how much is labeled, when it last trained.</summary>
internal sealed class StatusCommand(IAnsiConsole console, Option<string> folder) : ICliCommand
{
    public Command Build()
    {
        var command = new Command("status", "Serving model and F1, open human loops, labeled images, last training, model versions.");
        command.SetAction(async (parse, cancel) =>
        {
            await using var twin = await CliTwin.OpenAsync(parse.GetValue(folder)!, cancellationToken: cancel).ConfigureAwait(false);
            var state = await twin.StateAsync(cancel).ConfigureAwait(false);
            var facts = new Grid().AddColumn().AddColumn();
            facts.AddRow("serving", state?.Serving is { } serving ? $"{serving.ProjectVersionArn} (F1 {F1(serving.F1)}, since {Time(serving.Since)})" : "no model serves yet: uploads wait in " + BucketLayout.Pending);
            facts.AddRow("candidate", state?.Candidate is { } candidate ? $"{candidate.ProjectVersionArn} ({candidate.Status})"
                : state?.Claim is { } claim ? $"being created by {claim.Execution} since {Time(claim.At)}" : "none");
            facts.AddRow("last training", state?.LastSuccessfulTraining is { } last ? $"{Time(last.At)} on {last.LabeledImageCount} labeled images" : "never");
            facts.AddRow("open human loops", twin.Reviews.OpenLoops().Count.ToString(CultureInfo.InvariantCulture));

            var labeled = new SortedDictionary<string, int>(StringComparer.Ordinal);
            await foreach (var item in twin.Objects.ListAsync(twin.Bucket, BucketLayout.LabeledImages, cancel).ConfigureAwait(false))
            {
                var folderName = item.Ref.Key[BucketLayout.LabeledImages.Length..].Split('/')[0];
                labeled[folderName] = labeled.GetValueOrDefault(folderName) + 1;
            }

            facts.AddRow("labeled images", labeled.Count == 0 ? "none" : $"{labeled.Values.Sum()} ({string.Join(", ", labeled.Select(l => $"{Uri.UnescapeDataString(l.Key)} {l.Value}"))})");
            foreach (var (name, next) in twin.Scheduler.NextRuns())
            {
                facts.AddRow($"schedule {name}", $"next run {Time(next)}");
            }

            console.Write(facts);
            var versions = await twin.Training.VersionsAsync(cancel).ConfigureAwait(false);
            if (versions.Count > 0)
            {
                var table = new Table().AddColumns("version", "status", "F1", "created");
                foreach (var version in versions)
                {
                    table.AddRow(version.VersionName, version.Status, F1(version.F1), Time(version.CreatedAt));
                }

                console.Write(table);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static string F1(double? f1) => f1?.ToString("0.000", CultureInfo.InvariantCulture) ?? "-";

    private static string Time(DateTimeOffset at) => at.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
