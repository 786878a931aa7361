namespace ContinuousImprovement.Core.Storage;

/// <summary>
/// The key attributes of the one DynamoDB table (single-table design: the inference log, the notification digest,
/// the leases). CDK creates the table with them and the AWS adapters write them, so the two cannot disagree: a
/// table keyed otherwise refuses every write the adapters make.
/// </summary>
public static class TableLayout
{
    /// <summary>The string partition key.</summary>
    public const string PartitionKey = "PK";

    /// <summary>The string sort key.</summary>
    public const string SortKey = "SK";

    /// <summary>
    /// The partition key of lease <paramref name="name"/>'s item; IAM lets only the system parameter's writers write it
    /// (<c>dynamodb:LeadingKeys</c>).
    /// </summary>
    public static string Lease(string name) => "LEASE#" + name;
}
