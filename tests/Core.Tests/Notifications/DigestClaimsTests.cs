using ContinuousImprovement.Core.Notifications;

namespace ContinuousImprovement.Core.Tests.Notifications;

public sealed class DigestClaimsTests
{
    private static readonly DateTimeOffset Ten = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void With_no_claim_stored_a_run_claims_what_was_added_more_than_the_settle_time_ago()
    {
        var decision = DigestClaims.Decide(null, "run-b", Ten);

        Assert.Equal(new DigestClaimDecision(DigestClaimAction.Claim, new DigestClaim("run-b", Ten.AddMinutes(-15), Ten)), decision);
    }

    [Fact]
    public void A_run_resumes_its_own_claim_unchanged_however_late_its_retry_comes()
    {
        var own = new DigestClaim("run-a", Ten.AddMinutes(-75), Ten.AddHours(-1));

        Assert.Equal(new DigestClaimDecision(DigestClaimAction.Resume, own), DigestClaims.Decide(own, "run-a", Ten));
    }

    [Fact]
    public void Another_runs_claim_is_busy_while_fresh_and_taken_over_once_stale_never_covering_less()
    {
        var fresh = new DigestClaim("run-a", Ten.AddMinutes(-25), Ten.AddMinutes(-10));
        var stale = new DigestClaim("run-a", Ten.AddMinutes(-75), Ten.AddMinutes(-15));
        var ahead = new DigestClaim("run-a", Ten.AddMinutes(-5), Ten.AddHours(-1));

        Assert.Equal(new DigestClaimDecision(DigestClaimAction.Busy, fresh), DigestClaims.Decide(fresh, "run-b", Ten));
        Assert.Equal(new DigestClaimDecision(DigestClaimAction.Claim, new DigestClaim("run-b", Ten.AddMinutes(-15), Ten)), DigestClaims.Decide(stale, "run-b", Ten));
        Assert.Equal(new DigestClaim("run-b", Ten.AddMinutes(-5), Ten), DigestClaims.Decide(ahead, "run-b", Ten).Claim);
    }
}
