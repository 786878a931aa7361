namespace ContinuousImprovement.Local.Portal;

/// <summary>
/// How the simulated reviewers behave: how often they pick a wrong label (0–1), how long a loop waits before they
/// answer (on the twin's clock), the seed that makes their mistakes repeatable, and the worker id in the outputs.
/// </summary>
public sealed record WorkforceOptions(double ErrorRate = 0.0, TimeSpan Delay = default, int Seed = 1, string WorkerId = "simulated-workforce")
{
    public double ErrorRate { get; init; } = ErrorRate is >= 0 and <= 1 ? ErrorRate : throw new ArgumentOutOfRangeException(nameof(ErrorRate), ErrorRate, "An error rate is a fraction from 0 to 1.");

    public TimeSpan Delay { get; init; } = Delay >= TimeSpan.Zero ? Delay : throw new ArgumentOutOfRangeException(nameof(Delay), Delay, "A delay cannot be negative.");
}
