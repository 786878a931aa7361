namespace ContinuousImprovement.Local.Cli.Demo;

/// <summary>
/// A point of the learning curve: human labels used so far, the serving model's macro F1 on held-out images, and that
/// model's short name (<c>v3</c>: the third version trained).
/// </summary>
public sealed record DemoPoint(int HumanLabels, double HeldOutF1, string Version);
