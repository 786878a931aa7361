using System.Text.Json;

using ContinuousImprovement.Core.Training;

namespace ContinuousImprovement.Core.Tests.Training;

public sealed class TrainingJsonContextTests
{
    [Fact]
    public void Criteria_input_reads_from_step_functions_json_with_outcome_names()
    {
        const string json = """
            {"enabled":true,"labeledCount":180,"labeledFingerprint":"abc","labeledCountAtLastSuccess":null,
             "minimumUntrainedImages":50,"trainingInProgress":false,
             "lastAttempt":{"fingerprint":"abc","outcome":"GatedOut","at":"2026-03-01T02:30:00+00:00"},"retryRequested":false}
            """;

        var input = JsonSerializer.Deserialize(json, TrainingJsonContext.Default.TrainingCriteriaInput)!;

        Assert.Equal(new LastTrainingAttempt("abc", TrainingAttemptOutcome.GatedOut, new DateTimeOffset(2026, 3, 1, 2, 30, 0, TimeSpan.Zero)), input.LastAttempt);
        Assert.Null(input.LabeledCountAtLastSuccess);
        Assert.False(TrainingCriteria.Evaluate(input).Train);
    }

    [Fact]
    public void An_evaluation_serializes_with_its_per_label_scores()
    {
        var evaluation = ModelEvaluation.From([("cat", "cat"), ("dog", null)]);

        var json = JsonSerializer.Serialize(evaluation, TrainingJsonContext.Default.ModelEvaluation);
        var back = JsonSerializer.Deserialize(json, TrainingJsonContext.Default.ModelEvaluation)!;

        Assert.Contains("\"macroF1\":0.5", json, StringComparison.Ordinal);
        Assert.Equal(evaluation.Labels, back.Labels);
        Assert.Equal(evaluation.Confusion, back.Confusion);
    }
}
