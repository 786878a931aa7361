namespace ContinuousImprovement.Local.Cli.Demo;

/// <summary>What a demo run shows at the end.</summary>
public sealed record DemoReport(
    IReadOnlyList<DemoVersion> Versions,
    IReadOnlyList<DemoPoint> Curve,
    int Uploads,
    int HumanLabels,
    int ReviewerMistakes,
    int Notifications,
    IReadOnlyDictionary<string, int> NotificationsByKind,
    int FailedExecutions,
    string PlotPath);
