namespace ContinuousImprovement.Local.Portal.Tests;

public sealed class ReviewOutputKeyTests
{
    [Fact]
    public void The_key_follows_a2is_layout_with_the_utc_time_of_the_answer() =>
        Assert.Equal(
            "review_output/ci-review/2026/01/02/03/04/05/loop-1/output.json",
            ReviewOutputKey.For("ci-review", "loop-1", new DateTimeOffset(2026, 1, 2, 5, 4, 5, 999, TimeSpan.FromHours(2))));
}
