using System.CommandLine;
using ContinuousImprovement.Core.Ports;
using ContinuousImprovement.Local.Cli.Commands;
using Spectre.Console;

namespace ContinuousImprovement.Local.Cli;

/// <summary>
/// The <c>improve</c> command line. Every command writes to the given console, so tests run it in-process and read
/// what a user would see; errors go to the same console with a non-zero exit code from <see cref="ExitCodes"/>.
/// </summary>
public static class ImproveCli
{
    public static async Task<int> RunAsync(string[] args, IAnsiConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(console);
        var folder = new Option<string>("--folder")
        {
            Description = "The twin's folder (default: .local/twin in the repository).",
            Recursive = true,
            DefaultValueFactory = _ => TwinFolders.Default,
        };
        var root = new RootCommand("ContinuousImprovement on one machine: the same workflows as on AWS, with a local bucket, parameter store, model and review portal.");
        root.Options.Add(folder);
        foreach (var command in new ICliCommand[]
        {
            new DemoCommand(console, folder), new UpCommand(console, folder), new UploadCommand(console, folder), new ParamsCommand(console, folder),
            new StatusCommand(console, folder), new ExecutionsCommand(console, folder), new HistoryCommand(console, folder), new OutboxCommand(console, folder), new TrainCommand(console, folder),
        })
        {
            root.Subcommands.Add(command.Build());
        }

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                console.MarkupLineInterpolated($"[red]error:[/] {error.Message}");
            }

            console.WriteLine("Run 'improve --help' for the commands and their options.");
            return ExitCodes.BadInput;
        }

        try
        {
            var output = new StringWriter();
            var code = await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = output, EnableDefaultExceptionHandler = false }, cancellationToken).ConfigureAwait(false);
            if (output.GetStringBuilder().Length > 0)
            {
                console.Write(new Text(output.ToString()));
            }

            return code;
        }
        catch (CliException e)
        {
            console.MarkupLineInterpolated($"[red]error:[/] {e.Message}");
            return e.ExitCode;
        }
        catch (PortException e)
        {
            console.MarkupLineInterpolated($"[red]error:[/] {e.Message}");
            return ExitCodes.Failed;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            console.WriteLine("stopped.");
            return ExitCodes.Ok;
        }
    }
}
