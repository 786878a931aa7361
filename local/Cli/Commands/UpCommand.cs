using System.CommandLine;
using ContinuousImprovement.Asl.Runtime;
using ContinuousImprovement.Local.Portal;
using Spectre.Console;

namespace ContinuousImprovement.Local.Cli.Commands;

/// <summary>
/// <c>improve up</c>: runs the twin until Ctrl-C — the schedules fire on its clock (sped up with <c>--speed</c>), and
/// whatever another <c>improve</c> command or the review portal writes is picked up by the workflows.
/// </summary>
internal sealed class UpCommand(IAnsiConsole console, Option<string> folder) : ICliCommand
{
    public Command Build()
    {
        var speed = new Option<double>("--speed") { Description = "How much faster than real time the twin's clock runs (60: a minute a second).", DefaultValueFactory = _ => 1.0 };
        var port = new Option<int>("--port") { Description = "The review portal's port on 127.0.0.1 (0: any free port).", DefaultValueFactory = _ => 0 };
        var command = new Command("up", "Run the twin (schedules, workflows) and the review portal until Ctrl-C.") { speed, port };
        command.SetAction(async (parse, cancel) =>
        {
            var scale = parse.GetValue(speed);
            if (!(scale is > 0 and <= 100_000))
            {
                throw new CliException($"--speed must be above 0 and at most 100000, not {scale}.");
            }

            var portalPort = parse.GetValue(port);
            if (portalPort is < 0 or > 65535)
            {
                throw new CliException($"--port must be from 0 to 65535, not {portalPort}.");
            }

            await using var twin = await CliTwin.OpenAsync(parse.GetValue(folder)!, new SystemClock(scale), cancel).ConfigureAwait(false);
            await using var portal = await ReviewPortal.StartAsync(
                new ReviewPortalOptions
                {
                    Reviews = twin.Reviews,
                    Objects = twin.Objects,
                    Bucket = twin.Bucket,
                    FlowDefinitionName = twin.Options.FlowDefinitionName,
                    Time = twin.Time,
                    Port = portalPort,
                    Log = message => console.WriteLine(message),
                },
                cancel).ConfigureAwait(false);
            console.WriteLine($"twin up in {twin.Folder} (bucket folder {Path.Combine(twin.Folder, "buckets", twin.Bucket)}); Ctrl-C stops it.");
            console.WriteLine($"review portal: {portal.SignInUrl}");
            using var ticks = new PeriodicTimer(TimeSpan.FromSeconds(1));
            try
            {
                while (await ticks.WaitForNextTickAsync(cancel).ConfigureAwait(false))
                {
                    foreach (var started in twin.Scheduler.Tick(twin.Clock.Now))
                    {
                        console.WriteLine($"{twin.Clock.Now:u} schedule {started} fired");
                    }
                }
            }
            catch (OperationCanceledException) when (cancel.IsCancellationRequested)
            {
                console.WriteLine("stopping: waiting for running executions...");
                await twin.WhenIdleAsync(CancellationToken.None).ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
