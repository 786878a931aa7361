using ContinuousImprovement.Core.Filing;

namespace ContinuousImprovement.Core.Tests.Filing;

public sealed class PathLikeLabelTests
{
    [Theory]
    [InlineData("../cat")]
    [InlineData("../../images_for_detection")]
    [InlineData("cat/..")]
    [InlineData("a/./b")]
    [InlineData("..\\outside")]
    [InlineData("/etc")]
    [InlineData(" \\cat")]
    [InlineData("..")]
    public void Labels_that_climb_out_of_their_folder_are_refused_with_the_reason(string label)
    {
        var reason = PathLikeLabel.WhyRefused(label);

        Assert.NotNull(reason);
        Assert.Contains("not a path", reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cat")]
    [InlineData("T-shirt/top")]
    [InlineData("v1.2")]
    [InlineData("...")]
    [InlineData("a..b")]
    public void Class_names_with_dots_or_inner_slashes_are_allowed(string label) =>
        Assert.Null(PathLikeLabel.WhyRefused(label));
}
