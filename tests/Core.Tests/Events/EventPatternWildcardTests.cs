using static ContinuousImprovement.Core.Tests.Events.PatternTesting;

namespace ContinuousImprovement.Core.Tests.Events;

public sealed class EventPatternWildcardTests
{
    [Theory]
    [InlineData("dir/a.png", true)]
    [InlineData("dir/.png", true)]
    [InlineData("dir/sub/a.png", true)]
    [InlineData("dir/a.png.txt", false)]
    [InlineData("xdir/a.png", false)]
    [InlineData("dir/a.PNG", false)]
    public void A_wildcard_matches_any_run_of_characters_including_none(string name, bool expected) =>
        Assert.Equal(expected, Matches("""{"EventName":[{"wildcard":"dir/*.png"}]}""", $$"""{"EventName":"{{name}}"}"""));

    [Theory]
    [InlineData("SimpleService", true)]
    [InlineData("SimpleQueueService", true)]
    [InlineData("SimpleServiceX", false)]
    public void A_wildcard_in_the_middle_is_anchored_at_both_ends(string source, bool expected) =>
        Assert.Equal(expected, Matches("""{"source":[{"wildcard":"Simple*Service"}]}""", $$"""{"source":"{{source}}"}"""));

    [Theory]
    [InlineData("abab", true)]
    [InlineData("aXbYaZb", true)]
    [InlineData("aab", false)]
    [InlineData("ab", false)]
    public void Repeated_parts_each_need_their_own_occurrence(string text, bool expected) =>
        Assert.Equal(expected, Matches("""{"x":[{"wildcard":"a*b*a*b"}]}""", $$"""{"x":"{{text}}"}"""));

    [Theory]
    [InlineData("aaa", false)]
    [InlineData("aaaa", true)]
    [InlineData("xaaxaax", true)]
    public void Middle_parts_may_not_overlap(string text, bool expected) =>
        Assert.Equal(expected, Matches("""{"x":[{"wildcard":"*aa*aa*"}]}""", $$"""{"x":"{{text}}"}"""));

    [Fact]
    public void A_lone_wildcard_matches_every_string_even_the_empty_one()
    {
        Assert.True(Matches("""{"x":[{"wildcard":"*"}]}""", """{"x":""}"""));
        Assert.True(Matches("""{"x":[{"wildcard":"*"}]}""", """{"x":"anything"}"""));
    }

    [Theory]
    [InlineData("a*b", true)]
    [InlineData("axb", false)]
    public void An_escaped_asterisk_is_a_literal_asterisk(string text, bool expected) =>
        Assert.Equal(expected, Matches("""{"x":[{"wildcard":"a\\*b"}]}""", $$"""{"x":"{{text}}"}"""));

    [Fact]
    public void A_double_backslash_is_a_literal_backslash_and_the_star_after_it_a_wildcard()
    {
        Assert.True(Matches("""{"x":[{"wildcard":"a\\\\*"}]}""", """{"x":"a\\tail"}"""));
        Assert.False(Matches("""{"x":[{"wildcard":"a\\\\*"}]}""", """{"x":"atail"}"""));
    }
}
