using Amazon.DynamoDBv2.Model;

namespace ContinuousImprovement.Aws.Adapters;

/// <summary>DynamoDB writes that carry a condition, for compare-and-set style ports.</summary>
internal static class ConditionalWrite
{
    /// <summary>True when the write landed; false when DynamoDB refused its condition (what another writer stored stands).</summary>
    public static async Task<bool> LandsAsync(Task write)
    {
        try
        {
            await write.ConfigureAwait(false);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }
}
