using System.Globalization;

namespace ContinuousImprovement.Core.Training;

/// <summary>
/// The quality gate between training and deployment: a candidate is deployed only if it is good enough in
/// absolute terms (Minimum-F1-Score) and strictly better than what serves now, so a retrain can never make
/// production worse and a tie does not churn deployments.
/// </summary>
public static class DeploymentGate
{
    /// <summary>
    /// Passes when <paramref name="candidateF1"/> ≥ <paramref name="minimumF1"/> and, if a model is serving,
    /// <paramref name="candidateF1"/> &gt; <paramref name="servingF1"/>. A NaN or infinite candidate or minimum never
    /// passes. A NaN serving F1 means the serving model's score is unknown (not recorded); only the minimum then
    /// applies, and the reason says so, because refusing would block every future deployment until someone
    /// repairs a stored number.
    /// Example: candidate 0.85, minimum 0.80, serving 0.83 → pass; serving 0.85 → fail (tie keeps serving).
    /// </summary>
    public static GateDecision Decide(double candidateF1, double minimumF1, double? servingF1)
    {
        if (!double.IsFinite(candidateF1))
        {
            return new GateDecision(false, $"candidate F1 is {candidateF1.ToString(CultureInfo.InvariantCulture)}, not a score; it never deploys");
        }

        if (!double.IsFinite(minimumF1))
        {
            return new GateDecision(false, $"Minimum-F1-Score is {minimumF1.ToString(CultureInfo.InvariantCulture)}, not a score; nothing deploys until it is fixed");
        }

        var (candidate, minimum) = Format(candidateF1, minimumF1);
        if (candidateF1 < minimumF1)
        {
            return new GateDecision(false, $"candidate F1 {candidate} is below minimum {minimum}");
        }

        var atLeastMinimum = $"candidate F1 {candidate} ≥ minimum {minimum}";
        if (servingF1 is not { } serving)
        {
            return new GateDecision(true, $"{atLeastMinimum} and no model is serving yet");
        }

        if (double.IsNaN(serving))
        {
            return new GateDecision(true, $"{atLeastMinimum}; the serving model's F1 is unknown, so only the minimum applies");
        }

        var (candidateVsServing, servingText) = Format(candidateF1, serving);
        return candidateF1 > serving
            ? new GateDecision(true, $"candidate F1 {candidateVsServing} ≥ minimum {minimum} and better than serving F1 {servingText}")
            : new GateDecision(false, candidateF1 == serving
                ? $"{atLeastMinimum} but not better than serving F1 {servingText} (ties keep the serving model)"
                : $"candidate F1 {candidateVsServing} ≥ minimum {minimum} but not better than serving F1 {servingText}");
    }

    // Three decimals, unless two different scores would then read the same ("0.800 is below minimum 0.800"):
    // then as many more as it takes to show the difference.
    private static (string A, string B) Format(double a, double b)
    {
        for (var decimals = 3; decimals <= 17; decimals++)
        {
            var format = "F" + decimals.ToString(CultureInfo.InvariantCulture);
            var (textA, textB) = (a.ToString(format, CultureInfo.InvariantCulture), b.ToString(format, CultureInfo.InvariantCulture));
            if (a == b || textA != textB)
            {
                return (textA, textB);
            }
        }

        return (a.ToString("R", CultureInfo.InvariantCulture), b.ToString("R", CultureInfo.InvariantCulture));
    }
}
