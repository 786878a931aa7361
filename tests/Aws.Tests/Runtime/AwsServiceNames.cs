using ContinuousImprovement.Aws.Runtime;

namespace ContinuousImprovement.Aws.Tests.Runtime;

/// <summary>Short names for the service descriptors in test tables.</summary>
internal static class AwsServiceNames
{
    public static AwsService Rekognition => AwsService.Rekognition;

    public static AwsService A2iRuntime => AwsService.A2iRuntime;

    public static AwsService Sns => AwsService.Sns;
}
