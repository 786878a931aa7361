namespace ContinuousImprovement.Local.Cli.Demo;

/// <summary>
/// The demo's story in numbers: a seed set of labeled images per class trains the first model; then uploads arrive
/// in batches on the twin's clock, the simulated reviewers answer the loops, and the training schedule retrains.
/// Parameters are the operator's, set through Parameter Store as an operator would.
/// </summary>
public sealed record DemoSettings(
    int SeedPerClass,
    int Uploads,
    int BatchSize,
    TimeSpan BatchEvery,
    int HeldOut,
    double ReviewerErrorRate,
    IReadOnlyDictionary<string, string> Parameters)
{
    /// <summary>A few minutes on two cores.</summary>
    public static DemoSettings Full { get; } = new(20, 3000, 150, TimeSpan.FromMinutes(20), 1000, 0.03, Operator(minimumNewImages: 150));

    /// <summary>For CI: under two minutes.</summary>
    public static DemoSettings Quick { get; } = new(20, 900, 150, TimeSpan.FromMinutes(20), 400, 0.03, Operator(minimumNewImages: 100));

    // Margin sampling asks about images whose top two labels are close, the strategy the label-efficiency benchmark
    // shows needs about half the labels random sampling needs. The first model is weak, so the gate starts low; each
    // later version must also beat the one serving.
    private static Dictionary<string, string> Operator(int minimumNewImages) => new(StringComparer.Ordinal)
    {
        ["Enable-Automatic-Training"] = "true",
        ["Automatic-Training-Poll-Frequency"] = "60",
        ["Minimum-Untrained-Images"] = minimumNewImages.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Minimum-F1-Score"] = "0.5",
        ["Sampling-Strategies"] = "margin",
        ["Margin-Threshold"] = "0.25",
        ["Max-Human-Loops-Per-Day"] = "5000",
    };
}
