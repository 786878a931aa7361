using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using ContinuousImprovement.Core.Ports;

namespace ContinuousImprovement.Aws.Adapters;

/// <summary>
/// <see cref="INotificationDigest"/> on the inference log's table: each notification is an item under
/// <c>PK = DIGEST</c> with <c>SK = &lt;time, ISO 8601&gt;#&lt;random id&gt;</c>, so the digest job reads the waiting ones
/// in time order with one Query and deletes what it sent.
/// </summary>
public sealed class DynamoDbNotificationDigest(IAmazonDynamoDB dynamo, string tableName) : INotificationDigest
{
    public const string PartitionKey = "DIGEST";

    public Task AddAsync(Notification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var at = notification.At.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
        var request = new PutItemRequest
        {
            TableName = tableName,
            Item = new()
            {
                ["PK"] = new() { S = PartitionKey },
                ["SK"] = new() { S = at + "#" + Guid.NewGuid().ToString("N") },
                ["Kind"] = new() { S = notification.Kind },
                ["Subject"] = new() { S = notification.Subject },
                ["Message"] = new() { S = notification.Message },
                ["At"] = new() { S = at },
            },
        };
        return PortFailures.Guard($"keep {notification.Kind} for the digest", () => dynamo.PutItemAsync(request, cancellationToken), cancellationToken);
    }
}
