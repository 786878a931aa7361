using ContinuousImprovement.Local.Cli;
using Spectre.Console;

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // The first Ctrl-C stops the twin cleanly (open work finishes, files are closed); a second one kills.
    if (!stop.IsCancellationRequested)
    {
        e.Cancel = true;
        stop.Cancel();
    }
};

// Piped output has no terminal width; Spectre would then wrap tables at 80 columns.
if (Console.IsOutputRedirected)
{
    AnsiConsole.Console.Profile.Width = 160;
}

return await ImproveCli.RunAsync(args, AnsiConsole.Console, stop.Token);
