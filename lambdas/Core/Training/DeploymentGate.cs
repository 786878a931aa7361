using System.Globalization;

namespace ContinuousImprovement.Core.Training;

/// <summary>
/// The quality gate between training and deployment: a candidate is deployed only if it is good enough in
/// absolute terms (Minimum-F1-Score) and strictly better than what serves now, so a retrain can never make
/// production worse and a tie does not churn deployments. "What serves now" is measured on the candidate's own
/// test images whenever it can be (<see cref="DecideAgainst"/>, <see cref="ServingRescoring"/>): newer test sets are
/// harder, so an F1 recorded on an older one is not a fair bar.
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
    public static GateDecision Decide(double candidateF1, double minimumF1, double? servingF1) =>
        Decide(candidateF1, minimumF1, servingF1, basis: "", unknown: "the serving model's F1 is unknown");

    /// <summary>
    /// The same rule against <paramref name="serving"/>'s <see cref="ServingBaseline.F1"/>: its score on the
    /// candidate's own test images when it has one (the fair comparison; the reason says on how many), otherwise
    /// the F1 recorded at its deployment, on an older test set, with the reason saying so and why.
    /// <para>Examples (minimum 0.80; the serving model was recorded at 0.82 when deployed):
    /// candidate 0.81, serving 0.43 on the same 6 test images → pass, "candidate F1 0.810 ≥ minimum 0.800 and better than
    /// serving F1 0.430 on the same 6 test images"; candidate 0.90, serving 1.00 on them → fail; serving STOPPED, so not
    /// scored → candidate 0.81 fails against 0.82, "… but not better than serving F1 0.820 as recorded at its deployment,
    /// on an older test set (not scored on the same test images: the serving version is STOPPED, not RUNNING)".</para>
    /// </summary>
    public static GateDecision DecideAgainst(double candidateF1, double minimumF1, ServingBaseline? serving)
    {
        if (serving is null)
        {
            return Decide(candidateF1, minimumF1, null);
        }

        if (serving.OnSameTestSet)
        {
            return Decide(candidateF1, minimumF1, serving.F1, basis: " " + serving.Rescore!.OnImages(), unknown: "");
        }

        var notScored = $"not scored on the same test images: {serving.FallbackReason}";
        return Decide(
            candidateF1,
            minimumF1,
            serving.F1,
            basis: $" as recorded at its deployment, on an older test set ({notScored})",
            unknown: $"the serving model's F1 is unknown (none was recorded, and it was {notScored})");
    }

    private static GateDecision Decide(double candidateF1, double minimumF1, double? servingF1, string basis, string unknown)
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
            return new GateDecision(true, $"{atLeastMinimum}; {unknown}, so only the minimum applies");
        }

        var (candidateVsServing, servingText) = Format(candidateF1, serving);
        return candidateF1 > serving
            ? new GateDecision(true, $"candidate F1 {candidateVsServing} ≥ minimum {minimum} and better than serving F1 {servingText}{basis}")
            : new GateDecision(false, candidateF1 == serving
                ? $"{atLeastMinimum} but not better than serving F1 {servingText}{basis} (ties keep the serving model)"
                : $"candidate F1 {candidateVsServing} ≥ minimum {minimum} but not better than serving F1 {servingText}{basis}");
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
