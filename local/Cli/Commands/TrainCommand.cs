using System.CommandLine;
using Spectre.Console;

namespace ContinuousImprovement.Local.Cli.Commands;

/// <summary>
/// <c>improve train [--retry]</c>: the operator's start of the training workflow (on AWS, <c>aws stepfunctions
/// start-execution</c> on the training state machine). The schedule never trains a labeled set again after it failed or
/// was gated out; <c>--retry</c> is how an operator asks for that once. Exit code 1 when the training or its deploy
/// failed (a skipped or gated-out run is an answer, not a failure).
/// </summary>
internal sealed class TrainCommand(IAnsiConsole console, Option<string> folder) : ICliCommand
{
    public Command Build()
    {
        var retry = new Option<bool>("--retry") { Description = "Train the unchanged labeled set again after a failed or gated-out attempt." };
        var command = new Command("train", "Run the training workflow now, as its schedule would, and print how it ended.") { retry };
        command.SetAction(async (parse, cancel) =>
        {
            await using var twin = await CliTwin.OpenAsync(parse.GetValue(folder)!, cancellationToken: cancel).ConfigureAwait(false);
            var run = await console.Status().StartAsync("training", _ => twin.TrainAsync(parse.GetValue(retry), cancel)).ConfigureAwait(false);
            console.WriteLine(run.Outcome is { } outcome ? $"{outcome}: {run.Summary}" : $"{run.Status}: {run.Error}: {run.Cause}");
            console.WriteLine($"Execution {run.Name}; 'improve history {run.Name}' prints its events, 'improve status' the model versions.");
            return run.Failed ? ExitCodes.Failed : ExitCodes.Ok;
        });
        return command;
    }
}
