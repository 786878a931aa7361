namespace ContinuousImprovement.Local.Cli.Demo;

/// <summary>
/// One model version the demo saw trained: on how many labeled images, its F1 on the workflow's test split and on
/// the demo's fixed held-out images, and whether it was deployed (or why not).
/// </summary>
public sealed record DemoVersion(string Name, string Arn, int LabeledImages, double? F1, double? HeldOutF1, bool Deployed, string Outcome);
