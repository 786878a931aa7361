using ContinuousImprovement.Core.Sampling;

using static ContinuousImprovement.Core.Tests.Sampling.SamplingTestData;

namespace ContinuousImprovement.Core.Tests.Sampling;

public sealed class AuditTests
{
    private static readonly Prediction Confident = Predict(("cat", 99));

    [Theory]
    [InlineData(300, 100, true)]
    [InlineData(100, 100, true)]
    [InlineData(301, 100, false)]
    [InlineData(99, 100, false)]
    [InlineData(0, 100, false)]
    [InlineData(-100, 100, false)]
    [InlineData(1, 1, true)]
    [InlineData(7, 1, true)]
    [InlineData(100, 0, false)]
    [InlineData(100, -5, false)]
    [InlineData(long.MaxValue - 1, int.MaxValue, true)]
    [InlineData(long.MaxValue, int.MaxValue, false)]
    public void Worked_example_every_nth_inference_is_audited(long inferenceNumber, int interval, bool fires)
    {
        SamplingSettings settings = Only(SamplingStrategy.Audit) with { AuditInterval = interval };

        Assert.Equal(fires, SamplingPolicy.Decide(Input(Confident, inferenceNumber: inferenceNumber), settings).Wanted);
    }

    [Fact]
    public void The_reason_names_the_inference_and_the_interval()
    {
        SamplingDecision decision = SamplingPolicy.Decide(Input(Confident, inferenceNumber: 300), Only(SamplingStrategy.Audit));

        Assert.Equal("inference #300 is a multiple of the audit interval 100", FiredReason(decision, SamplingStrategy.Audit));
    }
}
