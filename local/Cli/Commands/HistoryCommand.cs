using System.CommandLine;

namespace ContinuousImprovement.Local.Cli.Commands;

/// <summary><c>improve history &lt;name&gt;</c>: one execution described with its events, as get-execution-history prints them (JSON).</summary>
internal sealed class HistoryCommand(Spectre.Console.IAnsiConsole console, Option<string> folder) : ICliCommand
{
    public Command Build()
    {
        var id = new Argument<string>("execution") { Description = "The execution's name or ARN (see 'improve executions')." };
        var command = new Command("history", "One execution's events, like 'aws stepfunctions get-execution-history'.") { id };
        command.SetAction(async (parse, cancel) =>
        {
            await using var twin = await CliTwin.OpenAsync(parse.GetValue(folder)!, cancellationToken: cancel).ConfigureAwait(false);
            var name = parse.GetValue(id)!;
            var history = twin.Journal.History(name)
                ?? throw new CliException($"No history is kept for an execution named {Core.Text.Printable.Quote(name, maxChars: 100)}; 'improve executions' lists them.");
            console.Profile.Out.Writer.WriteLine(history);
            return ExitCodes.Ok;
        });
        return command;
    }
}
