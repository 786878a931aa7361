using ContinuousImprovement.Core.Filing;

namespace ContinuousImprovement.Core.Tests.Filing;

public sealed class RejectLabelsTests
{
    [Theory]
    [InlineData("None of the Above", true)]
    [InlineData("  none of the above ", true)]
    [InlineData("NONE OF THE ABOVE", true)]
    [InlineData("None of the Abov", false)]
    [InlineData("None  of the Above", false)]
    [InlineData("aws_logo", false)]
    public void The_default_reject_answer_matches_trimmed_and_ignoring_case(string label, bool reject) =>
        Assert.Equal(reject, RejectLabels.IsReject(label, RejectLabels.Default));

    [Fact]
    public void A_configured_list_replaces_the_default()
    {
        string[] rejects = [" Not a logo ", "Unclear"];

        Assert.True(RejectLabels.IsReject("not a LOGO", rejects));
        Assert.True(RejectLabels.IsReject("unclear ", rejects));
        Assert.False(RejectLabels.IsReject("None of the Above", rejects));
        Assert.False(RejectLabels.IsReject("None of the Above", []));
    }
}
