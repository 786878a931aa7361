using System.CommandLine;
using ContinuousImprovement.Core.Parameters;
using Spectre.Console;

namespace ContinuousImprovement.Local.Cli.Commands;

/// <summary>
/// <c>improve params list|get|set</c>: the operator's parameters in the twin's Parameter Store. <c>set</c> checks the
/// value against the catalog first and refuses a bad one with the very message the parameter-apply workflow would
/// mail (<c>--force</c> stores it anyway, to watch the workflow reject it and restore the last good value).
/// </summary>
internal sealed class ParamsCommand(IAnsiConsole console, Option<string> folder) : ICliCommand
{
    public Command Build()
    {
        var command = new Command("params", "List, read and change the operator parameters (Parameter Store).");

        var list = new Command("list", "Every operator parameter: value, default, what is allowed.");
        list.SetAction((parse, cancel) => ListAsync(parse.GetValue(folder)!, cancel));

        var name = new Argument<string>("name") { Description = "The parameter's name, e.g. Minimum-F1-Score (with or without the prefix)." };
        var get = new Command("get", "One parameter's stored value and the value in force.") { name };
        get.SetAction((parse, cancel) => GetAsync(parse.GetValue(folder)!, parse.GetValue(name)!, cancel));

        var setName = new Argument<string>("name") { Description = "The parameter's name." };
        var value = new Argument<string>("value") { Description = "The new value." };
        var force = new Option<bool>("--force") { Description = "Store the value even when the catalog refuses it (the workflow then restores the last good one)." };
        var set = new Command("set", "Change a parameter; the change event runs the parameter-apply workflow.") { setName, value, force };
        set.SetAction((parse, cancel) => SetAsync(parse.GetValue(folder)!, parse.GetValue(setName)!, parse.GetValue(value)!, parse.GetValue(force), cancel));

        command.Subcommands.Add(list);
        command.Subcommands.Add(get);
        command.Subcommands.Add(set);
        return command;
    }

    private async Task<int> ListAsync(string twinFolder, CancellationToken cancellationToken)
    {
        await using var twin = await CliTwin.OpenAsync(twinFolder, cancellationToken: cancellationToken).ConfigureAwait(false);
        var settings = await twin.SettingsAsync(cancellationToken).ConfigureAwait(false);
        var stored = (await twin.Parameters.GetByPathAsync(twin.Catalog.Prefix, cancellationToken).ConfigureAwait(false))
            .ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
        var table = new Table().AddColumns("parameter", "stored", "in force", "default", "allowed");
        foreach (var parameter in twin.Catalog.Parameters)
        {
            var raw = stored.GetValueOrDefault(twin.Catalog.FullName(parameter.Name));
            var inForce = settings.Parameters.Values[parameter.Name].Canonical;
            table.AddRow(
                new Text(parameter.Name),
                new Text(raw ?? "(missing)"),
                new Text(inForce, raw is not null && twin.Catalog.Check(parameter.Name, raw).IsValid ? Style.Plain : new Style(Color.Red)),
                new Text(parameter.Default),
                new Text(parameter.AllowedText + (parameter.Unit is { } unit ? $" ({unit})" : "")));
        }

        console.Write(table);
        foreach (var problem in settings.Parameters.Problems)
        {
            console.MarkupLineInterpolated($"[red]{problem.Name}:[/] {problem.Message}");
        }

        return ExitCodes.Ok;
    }

    private async Task<int> GetAsync(string twinFolder, string name, CancellationToken cancellationToken)
    {
        await using var twin = await CliTwin.OpenAsync(twinFolder, cancellationToken: cancellationToken).ConfigureAwait(false);
        var definition = Definition(twin.Catalog, name);
        var stored = await twin.Parameters.GetAsync(twin.Catalog.FullName(definition.Name), cancellationToken).ConfigureAwait(false);
        var settings = await twin.SettingsAsync(cancellationToken).ConfigureAwait(false);
        console.WriteLine($"{twin.Catalog.FullName(definition.Name)} = {stored?.Value ?? "(missing)"} (version {stored?.Version ?? 0})");
        console.WriteLine($"in force: {settings.Parameters.Values[definition.Name].Canonical}");
        console.WriteLine($"allowed: {definition.AllowedText}{(definition.Unit is { } unit ? $" ({unit})" : "")}; default {definition.Default}");
        console.WriteLine(definition.Description);
        return ExitCodes.Ok;
    }

    private async Task<int> SetAsync(string twinFolder, string name, string value, bool force, CancellationToken cancellationToken)
    {
        await using var twin = await CliTwin.OpenAsync(twinFolder, cancellationToken: cancellationToken).ConfigureAwait(false);
        var definition = Definition(twin.Catalog, name);
        var check = twin.Catalog.Check(definition.Name, value);
        if (!check.IsValid && !force)
        {
            throw new CliException($"{check.Error} Nothing was changed.");
        }

        // Counted before the put: the change event may run the workflow before the put returns.
        var before = twin.Outbox.Published().Count;
        var version = await twin.Parameters.PutAsync(twin.Catalog.FullName(definition.Name), value, cancellationToken).ConfigureAwait(false);
        console.WriteLine($"{twin.Catalog.FullName(definition.Name)} = {value} (version {version}); applying...");
        await twin.WhenIdleAsync(cancellationToken).ConfigureAwait(false);
        foreach (var notification in twin.Outbox.Published().Skip(before))
        {
            console.WriteLine($"{notification.Kind}: {notification.Subject}");
            console.WriteLine(notification.Message);
        }

        var failed = twin.Journal.Summaries().LastOrDefault(e => e.Workflow == "parameter-apply") is { Status: not "SUCCEEDED" };
        return failed || !check.IsValid ? ExitCodes.Failed : ExitCodes.Ok;
    }

    private static ParameterDefinition Definition(ParameterCatalog catalog, string name)
    {
        var shortName = name.StartsWith(catalog.Prefix, StringComparison.Ordinal) ? name[catalog.Prefix.Length..] : name;
        return catalog.TryGet(shortName, out var definition)
            ? definition
            : throw new CliException($"There is no parameter named {Core.Text.Printable.Quote(name, maxChars: 80)}. Known: {string.Join(", ", catalog.Parameters.Select(p => p.Name))}.");
    }
}
