using System.Text.Json;

namespace ContinuousImprovement.Host.Observability;

/// <summary>The field names of the CloudWatch Embedded Metric Format envelope.</summary>
internal static class EmfFields
{
    public static readonly JsonEncodedText Aws = JsonEncodedText.Encode("_aws");
    public static readonly JsonEncodedText Timestamp = JsonEncodedText.Encode("Timestamp");
    public static readonly JsonEncodedText CloudWatchMetrics = JsonEncodedText.Encode("CloudWatchMetrics");
    public static readonly JsonEncodedText Namespace = JsonEncodedText.Encode("Namespace");
    public static readonly JsonEncodedText Dimensions = JsonEncodedText.Encode("Dimensions");
    public static readonly JsonEncodedText Metrics = JsonEncodedText.Encode("Metrics");
    public static readonly JsonEncodedText Name = JsonEncodedText.Encode("Name");
    public static readonly JsonEncodedText Unit = JsonEncodedText.Encode("Unit");
}
