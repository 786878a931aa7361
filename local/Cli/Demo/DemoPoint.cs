namespace ContinuousImprovement.Local.Cli.Demo;

/// <summary>A point of the learning curve: human labels used so far and the serving model's macro F1 on held-out images.</summary>
public sealed record DemoPoint(int HumanLabels, double HeldOutF1, string Version);
