using Amazon.Runtime.Internal.Endpoints.StandardLibrary;

namespace ContinuousImprovement.Aws.Endpoints;

/// <summary>
/// The aws.partition function of the rule sets. The partition table (aws, aws-cn, aws-us-gov, the ISO partitions, ...)
/// comes from AWSSDK.Core, so a new region or partition arrives with a package update instead of a hand-kept copy.
/// </summary>
internal static class AwsPartitions
{
    public static IReadOnlyDictionary<string, object?>? Lookup(string region)
    {
        var partition = Fn.Partition(region);
        if (partition is null)
        {
            return null;
        }
        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["name"] = partition.name,
            ["dnsSuffix"] = partition.dnsSuffix,
            ["dualStackDnsSuffix"] = partition.dualStackDnsSuffix,
            ["supportsFIPS"] = partition.supportsFIPS,
            ["supportsDualStack"] = partition.supportsDualStack,
            ["implicitGlobalRegion"] = partition.implicitGlobalRegion,
        };
    }
}
