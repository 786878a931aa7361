using ContinuousImprovement.Core.State;
using ContinuousImprovement.Core.Training;

namespace ContinuousImprovement.Core.Tests.State;

public sealed class SystemStateDocumentTests
{
    public static SystemState Populated() => SystemState.Initial with
    {
        Serving = new ServingVersion("arn:aws:rekognition:us-east-1:111122223333:project/p/version/v1/1", 0.84, new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero)),
        Candidate = new CandidateVersion("arn:aws:rekognition:us-east-1:111122223333:project/p/version/v2/2", "TRAINING_IN_PROGRESS", new DateTimeOffset(2026, 11, 26, 1, 0, 0, TimeSpan.Zero), new string('a', 64), 120, null),
        LastSuccessfulTraining = new SuccessfulTraining(new DateTimeOffset(2026, 11, 20, 7, 0, 0, TimeSpan.Zero), 70, "arn:aws:rekognition:us-east-1:111122223333:project/p/version/v1/1"),
        LastTrainingAttempt = new LastTrainingAttempt(new string('b', 64), TrainingAttemptOutcome.GatedOut, new DateTimeOffset(2026, 11, 25, 1, 0, 0, TimeSpan.Zero)),
        Counters = new SystemCounters(4, 2),
        LastGoodParameters = new Dictionary<string, string> { ["Minimum-F1-Score"] = "0.85" },
    };

    [Fact]
    public void A_state_survives_a_write_and_read()
    {
        var state = Populated();

        var read = SystemStateDocument.Parse(SystemStateDocument.Serialize(state));

        Assert.Null(read.Error);
        Assert.Equal(SystemStateDocument.Serialize(state), SystemStateDocument.Serialize(read.State!));
        Assert.Equal(TrainingAttemptOutcome.GatedOut, read.State!.LastTrainingAttempt!.Outcome);
        Assert.Equal("0.85", read.State.LastGoodParameters["Minimum-F1-Score"]);
    }

    [Fact]
    public void The_json_uses_the_schema_names()
    {
        var json = SystemStateDocument.Serialize(Populated());

        Assert.StartsWith("{\"schemaVersion\":1,\"serving\":{\"projectVersionArn\":", json, StringComparison.Ordinal);
        Assert.Contains("\"counters\":{\"trainings\":4,\"deployments\":2}", json, StringComparison.Ordinal);
        Assert.Contains("\"outcome\":\"GatedOut\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fresh_state_has_nothing_serving_and_zero_counters()
    {
        var state = SystemState.Initial;

        Assert.Null(state.Serving);
        Assert.Equal(SystemCounters.Zero, state.Counters);
        Assert.Null(SystemStateDocument.Parse(SystemStateDocument.Serialize(state)).Error);
    }

    [Theory]
    [InlineData("{\"schemaVersion\":2}", "schemaVersion 2, written by a newer build; this build reads up to 1")]
    [InlineData("{\"schemaVersion\":0}", "versions start at 1")]
    [InlineData("{}", "no integer schemaVersion")]
    [InlineData("[]", "no integer schemaVersion")]
    [InlineData("{\"schemaVersion\":\"1\"}", "no integer schemaVersion")]
    [InlineData("{\"schemaVersion\":1", "not valid")]
    [InlineData("{\"schemaVersion\":1,\"lastGoodParameters\":{}}", "not valid")]
    [InlineData("{\"schemaVersion\":1,\"counters\":null,\"lastGoodParameters\":{}}", "not valid")]
    public void A_state_that_cannot_be_trusted_is_refused_with_a_reason(string json, string reason)
    {
        var read = SystemStateDocument.Parse(json);

        Assert.Null(read.State);
        Assert.Contains(reason, read.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_fields_are_refused_rather_than_dropped_on_the_next_write()
    {
        var json = SystemStateDocument.Serialize(Populated()).Replace("{\"schemaVersion\":1,", "{\"schemaVersion\":1,\"futureField\":true,", StringComparison.Ordinal);

        Assert.Contains("futureField", SystemStateDocument.Parse(json).Error, StringComparison.Ordinal);
    }
}
