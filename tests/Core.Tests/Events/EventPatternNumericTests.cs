using static ContinuousImprovement.Core.Tests.Events.PatternTesting;

namespace ContinuousImprovement.Core.Tests.Events;

public sealed class EventPatternNumericTests
{
    [Theory]
    [InlineData("0", false)]
    [InlineData("0.000001", true)]
    [InlineData("3", true)]
    [InlineData("5", true)]
    [InlineData("5.0000001", false)]
    [InlineData("-1", false)]
    [InlineData("\"3\"", false)]
    [InlineData("null", false)]
    public void A_range_with_an_open_lower_and_closed_upper_bound(string count, bool expected) =>
        Assert.Equal(expected, Matches("""{"c-count":[{"numeric":[">",0,"<=",5]}]}""", $$"""{"c-count":{{count}}}"""));

    [Theory]
    [InlineData("0", true)]
    [InlineData("4.999", true)]
    [InlineData("5", false)]
    public void A_range_with_a_closed_lower_and_open_upper_bound(string count, bool expected) =>
        Assert.Equal(expected, Matches("""{"x":[{"numeric":[">=",0,"<",5]}]}""", $$"""{"x":{{count}}}"""));

    [Theory]
    [InlineData("<", "9.99", true)]
    [InlineData("<", "10", false)]
    [InlineData("<=", "10", true)]
    [InlineData("<=", "10.01", false)]
    [InlineData(">", "10", false)]
    [InlineData(">", "1e300", true)]
    [InlineData(">=", "10", true)]
    [InlineData(">=", "-10", false)]
    [InlineData("=", "10.0", true)]
    [InlineData("=", "1e1", true)]
    [InlineData("=", "10.5", false)]
    public void A_single_bound_compares_with_its_operator(string op, string value, bool expected) =>
        Assert.Equal(expected, Matches($$"""{"x":[{"numeric":["{{op}}",10]}]}""", $$"""{"x":{{value}}}"""));

    [Fact]
    public void Equals_reads_exponents_in_the_pattern() =>
        Assert.True(Matches("""{"x-limit":[{"numeric":["=",3.018e2]}]}""", """{"x-limit":301.8}"""));

    [Fact]
    public void A_numeric_range_matches_any_element_of_an_array()
    {
        Assert.True(Matches("""{"x":[{"numeric":[">",10]}]}""", """{"x":[1,2,30]}"""));
        Assert.False(Matches("""{"x":[{"numeric":[">",10]}]}""", """{"x":[1,2,"30"]}"""));
    }
}
