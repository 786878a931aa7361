using ContinuousImprovement.Core.State;
using ContinuousImprovement.Core.Training;

namespace ContinuousImprovement.Core.Tests.Training;

public sealed class TrainingUnderWayTests
{
    private const string Me = "arn:aws:states:us-east-1:111122223333:execution:Training:me";
    private const string Other = "arn:aws:states:us-east-1:111122223333:execution:Training:other";
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static SystemState WithCandidate(TimeSpan age) => SystemState.Initial with
    {
        Candidate = new CandidateVersion("arn:aws:rekognition:us-east-1:111122223333:project/p/version/v2/2", "TRAINING_IN_PROGRESS", Now - age, new string('a', 64), 40, null),
    };

    private static SystemState ClaimedBy(string execution, TimeSpan age) => SystemState.Initial with { Claim = new TrainingClaim(execution, Now - age) };

    [Fact]
    public void Nothing_is_under_way_on_a_fresh_deployment() =>
        Assert.Null(TrainingUnderWay.Other(SystemState.Initial, Now, Me));

    [Fact]
    public void A_candidate_being_trained_is_under_way_and_says_which_version_since_when()
    {
        var underWay = TrainingUnderWay.Other(WithCandidate(TimeSpan.FromHours(3)), Now, Me);

        Assert.Equal("version arn:aws:rekognition:us-east-1:111122223333:project/p/version/v2/2 is TRAINING_IN_PROGRESS since 2026-03-02 06:00:00Z", underWay);
    }

    [Fact]
    public void A_candidate_older_than_two_days_was_left_behind_and_blocks_nothing()
    {
        Assert.NotNull(TrainingUnderWay.Other(WithCandidate(TrainingUnderWay.StaleCandidate - TimeSpan.FromSeconds(1)), Now, Me));
        Assert.Null(TrainingUnderWay.Other(WithCandidate(TrainingUnderWay.StaleCandidate), Now, Me));
    }

    [Fact]
    public void Another_executions_fresh_claim_is_under_way_but_ones_own_is_not()
    {
        var state = ClaimedBy(Other, TimeSpan.FromMinutes(5));

        Assert.Equal($"execution {Other} passed its check at 2026-03-02 08:55:00Z and is creating a version", TrainingUnderWay.Other(state, Now, Me));
        Assert.Null(TrainingUnderWay.Other(state, Now, Other));
    }

    [Fact]
    public void A_claim_older_than_an_hour_was_left_behind_and_blocks_nothing() =>
        Assert.Null(TrainingUnderWay.Other(ClaimedBy(Other, TrainingUnderWay.StaleClaim), Now, Me));

    [Fact]
    public void Of_two_executions_claiming_one_after_the_other_only_the_first_holds_the_claim()
    {
        var first = TrainingUnderWay.Claim(SystemState.Initial, Now, Me);
        var second = TrainingUnderWay.Claim(first, Now.AddSeconds(1), Other);

        Assert.Equal(new TrainingClaim(Me, Now), first.Claim);
        Assert.Same(first, second);
    }

    [Fact]
    public void Claiming_again_renews_ones_own_claim_and_no_claim_is_taken_while_a_candidate_trains()
    {
        Assert.Equal(new TrainingClaim(Me, Now), TrainingUnderWay.Claim(ClaimedBy(Me, TimeSpan.FromMinutes(30)), Now, Me).Claim);
        Assert.Null(TrainingUnderWay.Claim(WithCandidate(TimeSpan.FromHours(1)), Now, Me).Claim);
    }

    [Fact]
    public void Unclaiming_removes_only_ones_own_claim()
    {
        var claimed = ClaimedBy(Other, TimeSpan.Zero);

        Assert.Same(claimed, TrainingUnderWay.Unclaim(claimed, Me));
        Assert.Null(TrainingUnderWay.Unclaim(claimed, Other).Claim);
    }
}
