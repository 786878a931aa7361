using ContinuousImprovement.Core.State;
using ContinuousImprovement.Core.Training;

namespace ContinuousImprovement.Repository.Tests;

public sealed class SystemStateSchemaTests
{
    private static SystemState Populated() => SystemState.Initial with
    {
        Serving = new ServingVersion("arn:aws:rekognition:us-east-1:111122223333:project/p/version/v1/1", 0.84, DateTimeOffset.UnixEpoch),
        Candidate = new CandidateVersion("arn:aws:rekognition:us-east-1:111122223333:project/p/version/v2/2", "TRAINING_COMPLETED", DateTimeOffset.UnixEpoch, new string('a', 64), 120, 0.9),
        LastSuccessfulTraining = new SuccessfulTraining(DateTimeOffset.UnixEpoch, 70, "arn:aws:rekognition:us-east-1:111122223333:project/p/version/v1/1"),
        LastTrainingAttempt = new LastTrainingAttempt(new string('b', 64), TrainingAttemptOutcome.Failed, DateTimeOffset.UnixEpoch),
        Counters = new SystemCounters(4, 2),
        LastGoodParameters = new Dictionary<string, string> { ["Minimum-F1-Score"] = "0.85" },
        Claim = new TrainingClaim("arn:aws:states:us-east-1:111122223333:execution:Training:run-7", DateTimeOffset.UnixEpoch),
    };

    [Fact]
    public void What_the_workflows_write_conforms_to_the_published_schema()
    {
        foreach (var state in new[] { SystemState.Initial, Populated() })
        {
            var results = CatalogSchemaTests.Evaluate("system-state.schema.json", SystemStateDocument.Serialize(state));
            Assert.True(results.IsValid, CatalogSchemaTests.Describe(results));
        }
    }

    [Fact]
    public void The_schema_and_the_code_agree_on_the_version() =>
        Assert.Contains($"\"schemaVersion\": {{ \"const\": {SystemState.CurrentSchemaVersion} }}", File.ReadAllText(RepositoryRoot.File("parameters", "system-state.schema.json")), StringComparison.Ordinal);

    [Fact]
    public void The_schema_rejects_a_state_the_code_would_not_write()
    {
        var json = SystemStateDocument.Serialize(Populated()).Replace("\"labeledFingerprint\":\"aaaa", "\"labeledFingerprint\":\"ZZZZ", StringComparison.Ordinal);

        Assert.False(CatalogSchemaTests.Evaluate("system-state.schema.json", json).IsValid);
    }
}
