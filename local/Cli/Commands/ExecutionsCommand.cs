using System.CommandLine;
using System.Globalization;
using Spectre.Console;

namespace ContinuousImprovement.Local.Cli.Commands;

/// <summary><c>improve executions</c>: the workflow executions the twin ran (like list-executions), newest last.</summary>
internal sealed class ExecutionsCommand(IAnsiConsole console, Option<string> folder) : ICliCommand
{
    public Command Build()
    {
        var workflow = new Option<string?>("--workflow") { Description = "Only this workflow (detection, review-filing, parameter-apply, training)." };
        var status = new Option<string?>("--status") { Description = "Only this status (SUCCEEDED, FAILED, TIMED_OUT, ABORTED)." };
        var last = new Option<int>("--last") { Description = "Show only the newest N.", DefaultValueFactory = _ => 20 };
        var command = new Command("executions", "The workflow executions the twin ran.") { workflow, status, last };
        command.SetAction(async (parse, cancel) =>
        {
            await using var twin = await CliTwin.OpenAsync(parse.GetValue(folder)!, cancellationToken: cancel).ConfigureAwait(false);
            var wanted = parse.GetValue(workflow);
            if (wanted is not null && Twin.Workflows.TwinWorkflow.All.All(w => w.Name != wanted))
            {
                throw new CliException($"There is no workflow named {Core.Text.Printable.Quote(wanted, maxChars: 60)}. Known: {string.Join(", ", Twin.Workflows.TwinWorkflow.All.Select(w => w.Name))}.");
            }

            var state = parse.GetValue(status)?.ToUpperInvariant();
            var all = twin.Journal.Summaries().Where(e => (wanted is null || e.Workflow == wanted) && (state is null || e.Status == state)).ToList();
            var table = new Table().AddColumns("started", "workflow", "status", "name", "error");
            foreach (var execution in all.TakeLast(Math.Max(1, parse.GetValue(last))))
            {
                table.AddRow(
                    new Text(execution.Started.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)),
                    new Text(execution.Workflow),
                    new Text(execution.Status, execution.Status == "SUCCEEDED" ? Style.Plain : new Style(Color.Red)),
                    new Text(execution.Name),
                    new Text(execution.Error is null ? "" : $"{execution.Error}: {execution.Cause}"));
            }

            console.Write(table);
            console.WriteLine($"{all.Count} execution(s); 'improve history <name>' prints one's events.");
            return ExitCodes.Ok;
        });
        return command;
    }
}
