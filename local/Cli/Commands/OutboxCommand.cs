using System.CommandLine;
using System.Globalization;
using Spectre.Console;

namespace ContinuousImprovement.Local.Cli.Commands;

/// <summary><c>improve outbox</c>: the notifications the twin sent (the SNS mails an operator would get), newest last.</summary>
internal sealed class OutboxCommand(IAnsiConsole console, Option<string> folder) : ICliCommand
{
    public Command Build()
    {
        var last = new Option<int>("--last") { Description = "Show only the newest N notifications.", DefaultValueFactory = _ => 20 };
        var full = new Option<bool>("--full") { Description = "Print each message in full, not only its subject." };
        var command = new Command("outbox", "The notifications the twin sent (also .eml files in the outbox folder).") { last, full };
        command.SetAction(async (parse, cancel) =>
        {
            var count = parse.GetValue(last);
            if (count <= 0)
            {
                throw new CliException($"--last must be a positive number, not {count}.");
            }

            await using var twin = await CliTwin.OpenAsync(parse.GetValue(folder)!, cancellationToken: cancel).ConfigureAwait(false);
            var published = twin.Outbox.Published();
            var table = new Table().AddColumns("at", "kind", "subject");
            foreach (var notification in published.TakeLast(count))
            {
                table.AddRow(new Text(notification.At.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)), new Text(notification.Kind), new Text(parse.GetValue(full) ? notification.Subject + "\n" + notification.Message : notification.Subject));
            }

            console.Write(table);
            console.WriteLine($"{published.Count} notification(s); mail files in {twin.Outbox.MailFolder}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
