namespace ContinuousImprovement.Local.Cli.Demo;

/// <summary>Where a demo run is: a phase, how far through it, and a line worth printing (a deploy, a gate).</summary>
public sealed record DemoProgress(string Phase, int Done, int Total, string? Line = null);
