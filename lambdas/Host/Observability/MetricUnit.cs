namespace ContinuousImprovement.Host.Observability;

/// <summary>The CloudWatch units a handler's metrics use (EMF writes them by their CloudWatch names).</summary>
public enum MetricUnit
{
    None,
    Count,
    Percent,
    Seconds,
    Milliseconds,
    Microseconds,
    Bytes,
    Kilobytes,
    Megabytes,
    CountPerSecond,
    BytesPerSecond,
}
