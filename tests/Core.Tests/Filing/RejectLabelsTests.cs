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
    [InlineData("\uFF2E\uFF2F\uFF2E\uFF25\u3000\uFF2F\uFF26\u3000\uFF34\uFF28\uFF25\u3000\uFF21\uFF22\uFF2F\uFF36\uFF25", true)]
    [InlineData("\u3000\uFF4E\uFF4F\uFF4E\uFF45 of the above\u00A0", true)]
    [InlineData("\uFF2E\uFF2F\uFF2E\uFF25\u3000\uFF2F\uFF26\u3000\uFF34\uFF28\uFF25\u3000\uFF21\uFF22\uFF2F\uFF36", false)]
    public void The_default_reject_answer_matches_normalized_trimmed_and_ignoring_case(string label, bool reject) =>
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

    [Fact]
    public void A_configured_reject_answer_is_normalized_too()
    {
        string[] rejects = ["\uFF35\uFF4E\uFF43\uFF4C\uFF45\uFF41\uFF52\u3000", "\uFB01sh?"];

        Assert.True(RejectLabels.IsReject("unclear", rejects));
        Assert.True(RejectLabels.IsReject("FISH?", rejects));
        Assert.False(RejectLabels.IsReject("unclean", rejects));
    }
}
