using System.CommandLine;
using System.Text.Json;
using Spectre.Console;

namespace ContinuousImprovement.Local.Cli.Commands;

/// <summary>
/// <c>improve train [--retry]</c>: the operator's start of the training workflow (on AWS, <c>aws stepfunctions
/// start-execution</c> on the training state machine). The schedule never trains a labeled set again after it failed or
/// was gated out; <c>--retry</c> is how an operator asks for that once.
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
            var name = twin.StartTraining(parse.GetValue(retry));
            await console.Status().StartAsync("training", _ => twin.WhenIdleAsync(cancel)).ConfigureAwait(false);

            var history = twin.Journal.History(name)
                ?? throw new InvalidOperationException($"The training execution {name} ended without a record in the journal.");
            using var described = JsonDocument.Parse(history);
            var root = described.RootElement;
            var status = root.GetProperty("status").GetString();
            if (status == "SUCCEEDED")
            {
                using var output = JsonDocument.Parse(root.GetProperty("output").GetString()!);
                var outcome = output.RootElement.GetProperty("outcome");
                console.WriteLine($"{outcome.GetProperty("status").GetString()}: {outcome.GetProperty("summary").GetString()}");
            }
            else
            {
                var error = root.TryGetProperty("error", out var e) ? e.GetString() : null;
                var cause = root.TryGetProperty("cause", out var c) ? c.GetString() : null;
                console.WriteLine($"{status}: {error}: {cause}");
            }

            console.WriteLine($"Execution {name}; 'improve history {name}' prints its events, 'improve status' the model versions.");
            return status == "SUCCEEDED" ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return command;
    }
}
