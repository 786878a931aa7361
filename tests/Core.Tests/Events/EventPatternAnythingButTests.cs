using static ContinuousImprovement.Core.Tests.Events.PatternTesting;

namespace ContinuousImprovement.Core.Tests.Events;

public sealed class EventPatternAnythingButTests
{
    [Theory]
    [InlineData("\"running\"", true)]
    [InlineData("\"Initializing\"", true)]
    [InlineData("\"initializing\"", false)]
    [InlineData("5", true)]
    [InlineData("null", true)]
    [InlineData("true", true)]
    public void Anything_but_a_string_matches_every_other_value(string state, bool expected) =>
        Assert.Equal(expected, Matches("""{"detail":{"state":[{"anything-but":"initializing"}]}}""", $$$"""{"detail":{"state":{{{state}}}}}"""));

    [Theory]
    [InlineData("123", false)]
    [InlineData("123.0", false)]
    [InlineData("1.23e2", false)]
    [InlineData("124", true)]
    [InlineData("\"123\"", true)]
    public void Anything_but_a_number_compares_numbers_by_value(string limit, bool expected) =>
        Assert.Equal(expected, Matches("""{"x-limit":[{"anything-but":123}]}""", $$"""{"x-limit":{{limit}}}"""));

    [Theory]
    [InlineData("\"stopped\"", false)]
    [InlineData("\"overloaded\"", false)]
    [InlineData("\"running\"", true)]
    public void Anything_but_a_list_of_strings_excludes_each(string state, bool expected) =>
        Assert.Equal(expected, Matches("""{"state":[{"anything-but":["stopped","overloaded"]}]}""", $$"""{"state":{{state}}}"""));

    [Theory]
    [InlineData("100", false)]
    [InlineData("300", false)]
    [InlineData("250", true)]
    public void Anything_but_a_list_of_numbers_excludes_each(string limit, bool expected) =>
        Assert.Equal(expected, Matches("""{"x-limit":[{"anything-but":[100,200,300]}]}""", $$"""{"x-limit":{{limit}}}"""));

    [Theory]
    [InlineData("\"us-east-1\"", false)]
    [InlineData("\"us-\"", false)]
    [InlineData("\"eu-west-1\"", true)]
    [InlineData("\"US-east-1\"", true)]
    [InlineData("7", true)]
    public void Anything_but_a_prefix_matches_values_that_do_not_start_with_it(string region, bool expected) =>
        Assert.Equal(expected, Matches("""{"Region":[{"anything-but":{"prefix":"us-"}}]}""", $$"""{"Region":{{region}}}"""));

    [Theory]
    [InlineData("init-1", false)]
    [InlineData("error-2", false)]
    [InlineData("running", true)]
    public void Anything_but_a_list_of_prefixes_excludes_each(string state, bool expected) =>
        Assert.Equal(expected, Matches("""{"state":[{"anything-but":{"prefix":["init","error"]}}]}""", $$"""{"state":"{{state}}"}"""));

    [Theory]
    [InlineData("photo.png", false)]
    [InlineData("photo.PNG", true)]
    [InlineData("photo.jpg", true)]
    public void Anything_but_a_suffix_matches_values_that_do_not_end_with_it(string name, bool expected) =>
        Assert.Equal(expected, Matches("""{"FileName":[{"anything-but":{"suffix":".png"}}]}""", $$"""{"FileName":"{{name}}"}"""));

    [Theory]
    [InlineData("Stopped", false)]
    [InlineData("STOPPED", false)]
    [InlineData("overloaded", false)]
    [InlineData("running", true)]
    public void Anything_but_equals_ignore_case_excludes_every_casing(string state, bool expected) =>
        Assert.Equal(expected, Matches("""{"state":[{"anything-but":{"equals-ignore-case":["stopped","OverLoaded"]}}]}""", $$"""{"state":"{{state}}"}"""));

    [Theory]
    [InlineData("/usr/lib/x.so", false)]
    [InlineData("/lib/", false)]
    [InlineData("/usr/bin/x", true)]
    [InlineData("lib", true)]
    public void Anything_but_a_wildcard_matches_values_the_wildcard_does_not(string path, bool expected) =>
        Assert.Equal(expected, Matches("""{"FilePath":[{"anything-but":{"wildcard":"*/lib/*"}}]}""", $$"""{"FilePath":"{{path}}"}"""));

    [Fact]
    public void Anything_but_does_not_match_a_missing_field()
    {
        Assert.False(Matches("""{"state":[{"anything-but":"initializing"}]}""", """{"other":"x"}"""));
        Assert.False(Matches("""{"state":[{"anything-but":{"prefix":"init"}}]}""", """{"state":{"nested":"x"}}"""));
    }

    [Fact]
    public void Anything_but_on_an_array_matches_when_some_element_is_not_excluded()
    {
        const string pattern = """{"states":[{"anything-but":["a","b"]}]}""";
        Assert.True(Matches(pattern, """{"states":["a","c"]}"""));
        Assert.False(Matches(pattern, """{"states":["a","b"]}"""));
        Assert.False(Matches(pattern, """{"states":[]}"""));
    }

    [Fact]
    public void Anything_but_with_an_ip_address_compares_the_text_not_the_address() =>
        Assert.True(Matches("""{"ip":[{"anything-but":"2001:db8::1"}]}""", """{"ip":"2001:DB8::1"}"""));
}
