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
    [InlineData("\uFF0E\uFF0E\uFF0Fcat")]
    [InlineData("\uFF0E\uFF0E")]
    [InlineData("\u2025")]
    [InlineData("cat\uFF0F\uFE52")]
    [InlineData("\u3000\uFF3Ccat")]
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
    [InlineData("T-shirt\uFF0Ftop")]
    [InlineData("\uFF0E\uFF0E\uFF0E")]
    public void Class_names_with_dots_or_inner_slashes_are_allowed(string label) =>
        Assert.Null(PathLikeLabel.WhyRefused(label));

    [Fact]
    public void A_fullwidth_path_is_refused_naming_the_label_and_what_it_reads_as()
    {
        Assert.Equal(
            "label \"\uFF0E\uFF0E\uFF0Fcat\" (normalized \"../cat\") contains the path step \"..\", which would climb out of the labeled folder; a label is a class name, not a path",
            PathLikeLabel.WhyRefused("\uFF0E\uFF0E\uFF0Fcat"));
        Assert.Equal(
            "label \"../cat\" contains the path step \"..\", which would climb out of the labeled folder; a label is a class name, not a path",
            PathLikeLabel.WhyRefused("../cat"));
    }
}
