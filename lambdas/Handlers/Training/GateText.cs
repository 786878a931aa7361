using ContinuousImprovement.Core.Training;

namespace ContinuousImprovement.Handlers.Training;

/// <summary>How training notifications state the two models' scores.</summary>
internal static class GateText
{
    /// <summary>
    /// The serving model's scores as a sentence, e.g. "The serving model arn:… scores F1 0.433 on the same 6 test
    /// images (its F1 recorded at its deployment, on its own older test set: 0.820)." or, when it could not be scored
    /// there, "… could not be scored on the same test images (why); its F1 recorded at its deployment, on its own
    /// older test set, is 0.820."
    /// </summary>
    public static string Serving(ServingBaseline? serving)
    {
        if (serving is null)
        {
            return "No model is serving yet.";
        }

        var recorded = TrainingText.F1(serving.RecordedF1, "unknown");
        if (serving.OnSameTestSet)
        {
            var rescore = serving.Rescore!;
            var leftOut = rescore.LeftOut() is { } text ? $" Left out: {text}." : "";
            return $"The serving model {serving.VersionArn} scores F1 {TrainingText.F1(rescore.F1)} {rescore.OnImages()} "
                + $"(its F1 recorded at its deployment, on its own older test set: {recorded}).{leftOut}";
        }

        return $"The serving model {serving.VersionArn} could not be scored on the same test images ({serving.FallbackReason}); "
            + $"its F1 recorded at its deployment, on its own older test set, is {recorded}.";
    }

    /// <summary>The "serving before" figure of model-deployed and deploy-failed: "none", "0.820", or "0.433 on the same 6 test images; 0.820 as recorded".</summary>
    public static string ServingBefore(GateResult gate)
    {
        ArgumentNullException.ThrowIfNull(gate);
        if (gate.Previous is { Serving: null })
        {
            return "none";
        }

        return gate.ServingOnSameTestSet && gate.ServingScore is { } score
            ? $"{TrainingText.F1(gate.ServingF1)} {score.OnImages()}; {TrainingText.F1(gate.ServingRecordedF1, "unknown")} as recorded at its deployment"
            : TrainingText.F1(gate.ServingF1, gate.Previous is null ? "none" : "unknown");
    }
}
