using static ContinuousImprovement.Core.Tests.Events.PatternTesting;

namespace ContinuousImprovement.Core.Tests.Events;

public sealed class EventPatternOrTests
{
    private const string SourceAndMetricOrNamespace =
        """{"source":["aws.cloudwatch"],"$or":[{"metricName":["CPUUtilization","ReadLatency"]},{"namespace":["AWS/EC2","AWS/ES"]}]}""";

    [Theory]
    [InlineData("""{"source":"aws.cloudwatch","metricName":"CPUUtilization"}""", true)]
    [InlineData("""{"source":"aws.cloudwatch","namespace":"AWS/ES"}""", true)]
    [InlineData("""{"source":"aws.cloudwatch","metricName":"Other","namespace":"AWS/EC2"}""", true)]
    [InlineData("""{"source":"aws.cloudwatch","metricName":"Other"}""", false)]
    [InlineData("""{"source":"aws.ec2","metricName":"CPUUtilization"}""", false)]
    public void Or_needs_the_fields_beside_it_and_any_one_branch(string eventJson, bool expected) =>
        Assert.Equal(expected, Matches(SourceAndMetricOrNamespace, eventJson));

    [Theory]
    [InlineData("""{"metricType":"MetricType","namespace":"AWS/EC2"}""", true)]
    [InlineData("""{"metricType":"MetricType"}""", false)]
    [InlineData("""{"scope":"Service"}""", true)]
    public void A_branch_with_several_fields_needs_all_of_them(string eventJson, bool expected) =>
        Assert.Equal(expected, Matches("""{"$or":[{"metricName":["CPUUtilization"]},{"metricType":["MetricType"],"namespace":["AWS/EC2"]},{"scope":["Service"]}]}""", eventJson));

    [Theory]
    [InlineData("""{"metricType":"MetricType","metricId":1234}""", true)]
    [InlineData("""{"metricType":"MetricType","spaceId":1000}""", true)]
    [InlineData("""{"metricType":"MetricType","spaceId":1}""", false)]
    [InlineData("""{"scope":"Service"}""", true)]
    public void Or_nests_inside_a_branch(string eventJson, bool expected) =>
        Assert.Equal(expected, Matches("""{"$or":[{"metricType":["MetricType"],"$or":[{"metricId":[1234]},{"spaceId":[1000]}]},{"scope":["Service"]}]}""", eventJson));

    [Theory]
    [InlineData("""{"metricName":"CPUUtilization","detail":{"source":"aws.cloudwatch"}}""", true)]
    [InlineData("""{"namespace":"AWS/EC2","detail":{"detail-type":"CloudWatch Alarm State Change"}}""", true)]
    [InlineData("""{"metricName":"CPUUtilization","detail":{}}""", false)]
    [InlineData("""{"detail":{"source":"aws.cloudwatch"}}""", false)]
    public void Or_groups_at_different_levels_must_all_hold(string eventJson, bool expected) =>
        Assert.Equal(expected, Matches(
            """{"$or":[{"metricName":["CPUUtilization"]},{"namespace":["AWS/EC2"]}],"detail":{"$or":[{"source":["aws.cloudwatch"]},{"detail-type":["CloudWatch Alarm State Change"]}]}}""",
            eventJson));

    [Fact]
    public void An_or_branch_may_hold_only_an_absence()
    {
        const string pattern = """{"$or":[{"a":[{"exists":false}]},{"a":["x"]}]}""";
        Assert.True(Matches(pattern, """{}"""));
        Assert.True(Matches(pattern, """{"a":"x"}"""));
        Assert.False(Matches(pattern, """{"a":"y"}"""));
    }
}
