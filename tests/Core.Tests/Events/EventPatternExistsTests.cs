using static ContinuousImprovement.Core.Tests.Events.PatternTesting;

namespace ContinuousImprovement.Core.Tests.Events;

public sealed class EventPatternExistsTests
{
    [Theory]
    [InlineData("""{"detail":{"state":"pending"}}""", true)]
    [InlineData("""{"detail":{"state":null}}""", true)]
    [InlineData("""{"detail":{"state":""}}""", true)]
    [InlineData("""{"detail":{"state":["a"]}}""", true)]
    [InlineData("""{"detail":{"state":[]}}""", false)]
    [InlineData("""{"detail":{"state":{"c1":100}}}""", false)]
    [InlineData("""{"detail":{"other":1}}""", false)]
    [InlineData("""{"other":1}""", false)]
    public void Exists_true_needs_a_leaf_value_at_the_field(string eventJson, bool expected) =>
        Assert.Equal(expected, Matches("""{"detail":{"state":[{"exists":true}]}}""", eventJson));

    [Theory]
    [InlineData("""{"detail":{"state":["initializing","running"]}}""", true)]
    [InlineData("""{"detail":{"c-count":{"c1":100}}}""", true)]
    [InlineData("""{"detail":{"c-count":[]}}""", true)]
    [InlineData("""{"detail":"text"}""", true)]
    [InlineData("""{"other":1}""", true)]
    [InlineData("""{"detail":{"c-count":0}}""", false)]
    [InlineData("""{"detail":{"c-count":null}}""", false)]
    [InlineData("""{"detail":{"c-count":[1]}}""", false)]
    public void Exists_false_matches_when_the_field_has_no_leaf_value(string eventJson, bool expected) =>
        Assert.Equal(expected, Matches("""{"detail":{"c-count":[{"exists":false}]}}""", eventJson));

    [Fact]
    public void Exists_false_beside_other_alternatives_accepts_absence_or_a_matching_value()
    {
        const string pattern = """{"x":["a",{"exists":false}]}""";
        Assert.True(Matches(pattern, """{}"""));
        Assert.True(Matches(pattern, """{"x":"a"}"""));
        Assert.False(Matches(pattern, """{"x":"b"}"""));
    }

    [Fact]
    public void Exists_false_does_not_excuse_the_other_fields()
    {
        const string pattern = """{"source":["aws.s3"],"detail":{"gone":[{"exists":false}]}}""";
        Assert.True(Matches(pattern, """{"source":"aws.s3"}"""));
        Assert.False(Matches(pattern, """{"source":"aws.ec2"}"""));
    }
}
