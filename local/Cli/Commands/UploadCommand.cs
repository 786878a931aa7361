using System.CommandLine;
using System.Globalization;
using ContinuousImprovement.Core.Storage;
using Spectre.Console;

namespace ContinuousImprovement.Local.Cli.Commands;

/// <summary>
/// <c>improve upload &lt;files&gt;</c>: what a consumer does — put images into <c>images_for_detection/</c>. Each put
/// raises its S3 event and the detection workflow runs; the command waits for them and prints what was decided.
/// </summary>
internal sealed class UploadCommand(IAnsiConsole console, Option<string> folder) : ICliCommand
{
    public Command Build()
    {
        var files = new Argument<FileInfo[]>("files") { Description = "Image files to upload (PNG or JPEG).", Arity = ArgumentArity.OneOrMore };
        var command = new Command("upload", "Upload images for detection, as a consumer would.") { files };
        command.SetAction(async (parse, cancel) =>
        {
            var chosen = parse.GetValue(files)!;
            var missing = chosen.Where(f => !f.Exists).Select(f => f.FullName).ToList();
            if (missing.Count > 0)
            {
                throw new CliException($"No such file: {string.Join(", ", missing)}. Nothing was uploaded.");
            }

            await using var twin = await CliTwin.OpenAsync(parse.GetValue(folder)!, cancellationToken: cancel).ConfigureAwait(false);
            var known = twin.Journal.Summaries().Count;
            var keys = new List<string>();
            await console.Progress().StartAsync(async progress =>
            {
                var task = progress.AddTask("uploading", maxValue: chosen.Length);
                foreach (var file in chosen)
                {
                    var stored = await twin.UploadAsync(file.Name, await File.ReadAllBytesAsync(file.FullName, cancel).ConfigureAwait(false), cancellationToken: cancel).ConfigureAwait(false);
                    keys.Add(stored.Ref.Key);
                    task.Increment(1);
                }

                task.Description = "detecting";
                await twin.WhenIdleAsync(cancel).ConfigureAwait(false);
            }).ConfigureAwait(false);

            var records = (await twin.Inferences.AllAsync(cancel).ConfigureAwait(false))
                .Select(r => r.Record)
                .Where(r => keys.Contains(r.ImageKey))
                .GroupBy(r => r.ImageKey)
                .ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
            var table = new Table().AddColumns("image", "labels (confidence %)", "human review");
            foreach (var key in keys)
            {
                if (records.TryGetValue(key, out var record))
                {
                    var labels = string.Join(", ", record.Prediction.Labels.Take(3).Select(l => $"{l.Label} {l.Confidence.ToString("0.0", CultureInfo.InvariantCulture)}"));
                    table.AddRow(new Text(key), new Text(labels.Length == 0 ? "(none)" : labels), new Text(record.SentToHuman ? $"yes: {string.Join(", ", record.Reasons)}" : "no"));
                }
                else
                {
                    table.AddRow(new Text(key), new Text(Where(key)), new Text("-"));
                }
            }

            console.Write(table);
            var runs = twin.Journal.Summaries().Skip(known).ToList();
            var failed = runs.Count(r => r.Status != "SUCCEEDED");
            console.WriteLine($"{runs.Count} execution(s), {failed} failed; 'improve outbox' shows the notifications.");
            return failed > 0 ? ExitCodes.Failed : ExitCodes.Ok;
        });
        return command;
    }

    // Without an inference record the image was not detected: it waits for a model, or was quarantined.
    private static string Where(string key) => $"not detected: see {BucketLayout.Pending} (no model serving) or {BucketLayout.Quarantine} for {key}";
}
