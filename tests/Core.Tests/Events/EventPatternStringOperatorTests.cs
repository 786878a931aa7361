using static ContinuousImprovement.Core.Tests.Events.PatternTesting;

namespace ContinuousImprovement.Core.Tests.Events;

public sealed class EventPatternStringOperatorTests
{
    [Theory]
    [InlineData("\"2017-10-02T18:43:48Z\"", true)]
    [InlineData("\"2017-10-02\"", true)]
    [InlineData("\"2017-10-0\"", false)]
    [InlineData("\"x2017-10-02\"", false)]
    [InlineData("20171002", false)]
    [InlineData("null", false)]
    public void Prefix_matches_strings_that_start_with_it(string time, bool expected) =>
        Assert.Equal(expected, Matches("""{"time":[{"prefix":"2017-10-02"}]}""", $$"""{"time":{{time}}}"""));

    [Theory]
    [InlineData("EventBridge", true)]
    [InlineData("EVENTBRIDGE", true)]
    [InlineData("eventb", true)]
    [InlineData("eventa", false)]
    [InlineData("xEventB", false)]
    public void Prefix_with_equals_ignore_case_ignores_the_case(string service, bool expected) =>
        Assert.Equal(expected, Matches("""{"service":[{"prefix":{"equals-ignore-case":"EventB"}}]}""", $$"""{"service":"{{service}}"}"""));

    [Theory]
    [InlineData("photo.png", true)]
    [InlineData(".png", true)]
    [InlineData("photo.PNG", false)]
    [InlineData("photo.png.jpg", false)]
    public void Suffix_matches_strings_that_end_with_it(string name, bool expected) =>
        Assert.Equal(expected, Matches("""{"FileName":[{"suffix":".png"}]}""", $$"""{"FileName":"{{name}}"}"""));

    [Theory]
    [InlineData("photo.PNG", true)]
    [InlineData("photo.Png", true)]
    [InlineData("photo.jpg", false)]
    public void Suffix_with_equals_ignore_case_ignores_the_case(string name, bool expected) =>
        Assert.Equal(expected, Matches("""{"FileName":[{"suffix":{"equals-ignore-case":".png"}}]}""", $$"""{"FileName":"{{name}}"}"""));

    [Theory]
    [InlineData("\"alice\"", true)]
    [InlineData("\"ALICE\"", true)]
    [InlineData("\"Alice\"", true)]
    [InlineData("\"Alice \"", false)]
    [InlineData("\"Alic\"", false)]
    [InlineData("[\"bob\",\"aLiCe\"]", true)]
    public void Equals_ignore_case_matches_the_same_text_in_any_case(string name, bool expected) =>
        Assert.Equal(expected, Matches("""{"Name":[{"equals-ignore-case":"alice"}]}""", $$"""{"Name":{{name}}}"""));

    [Theory]
    [InlineData("""[{"prefix":"1"}]""", "12")]
    [InlineData("""[{"suffix":"2"}]""", "12")]
    [InlineData("""[{"equals-ignore-case":"true"}]""", "true")]
    [InlineData("""[{"prefix":"n"}]""", "null")]
    [InlineData("""[{"wildcard":"*"}]""", "12")]
    public void String_operators_never_match_numbers_booleans_or_null(string alternatives, string value) =>
        Assert.False(Matches($$"""{"x":{{alternatives}}}""", $$"""{"x":{{value}}}"""));

    [Fact]
    public void An_empty_prefix_matches_every_string_but_nothing_else()
    {
        Assert.True(Matches("""{"x":[{"prefix":""}]}""", """{"x":""}"""));
        Assert.True(Matches("""{"x":[{"prefix":""}]}""", """{"x":"abc"}"""));
        Assert.False(Matches("""{"x":[{"prefix":""}]}""", """{"x":1}"""));
        Assert.False(Matches("""{"x":[{"prefix":""}]}""", """{"y":"abc"}"""));
    }

    [Fact]
    public void Escaped_json_strings_are_compared_by_their_text()
    {
        Assert.True(Matches("""{"key":[{"prefix":"a\u002Fb"}]}""", """{"key":"a/b/c"}"""));
        Assert.True(Matches("""{"key":["caf\u00e9"]}""", """{"key":"café"}"""));
    }
}
