namespace ContinuousImprovement.Core.Storage;

/// <summary>
/// The key attributes and the index of the one DynamoDB table (single-table design: the inference log, the
/// notification digest, the leases). CDK creates the table with them and the AWS adapters write and query them, so the
/// two cannot disagree: a table keyed otherwise refuses every write the adapters make, and a missing index every query.
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

    /// <summary>
    /// The sparse index of human-labeled predictions by the model version that made them: what the drift check reads,
    /// so that its cost grows with one version's labels rather than with the whole log (a Scan of a year of uploads
    /// outlasts the function's timeout).
    /// </summary>
    public const string LabeledByModelIndex = "LabeledByModel";

    /// <summary>
    /// The index's partition key: the prediction's model version, written only when a human label arrives, so unlabeled
    /// predictions never enter the index.
    /// </summary>
    public const string LabeledModel = "LabeledModel";

    /// <summary>The prediction attributes the index carries beside its key: all a confusion count reads.</summary>
    public static readonly IReadOnlyList<string> LabeledByModelProjection = ["HumanLabel", "TopLabel", "Reasons"];
}
