using System.CommandLine;

namespace ContinuousImprovement.Local.Cli.Commands;

/// <summary>One <c>improve</c> command: its options, arguments and action.</summary>
internal interface ICliCommand
{
    Command Build();
}
