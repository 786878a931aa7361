namespace ContinuousImprovement.Core.Training;

/// <summary>How the action the workflow just performed went; <paramref name="Detail"/> (an error message, say) goes into the history.</summary>
public sealed record StepOutcome(bool Succeeded, string? Detail = null)
{
    public static StepOutcome Success(string? detail = null) => new(true, detail);

    public static StepOutcome Failure(string detail) => new(false, detail);
}
