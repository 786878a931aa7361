using ContinuousImprovement.Local.Cli;
using Spectre.Console;

namespace ContinuousImprovement.Local.Twin.Tests;

/// <summary>Runs <c>improve</c> in-process on a twin folder, capturing what a user would read.</summary>
internal static class CliRun
{
    public static async Task<(int ExitCode, string Output)> RunAsync(string folder, params string[] args)
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = 240;
        var code = await ImproveCli.RunAsync([.. args, "--folder", folder], console, CancellationToken.None);
        return (code, output.ToString());
    }
}
