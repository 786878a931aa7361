using System.Globalization;
using System.Runtime.CompilerServices;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using ContinuousImprovement.Core.Notifications;
using ContinuousImprovement.Core.Ports;

namespace ContinuousImprovement.Aws.Adapters;

/// <summary>
/// <see cref="INotificationDigest"/> on the inference log's table. Items:
/// <list type="bullet">
/// <item><c>PK = DIGEST</c>, <c>SK = &lt;time, ISO 8601 UTC&gt;#&lt;random id&gt;</c>: one waiting notification. The sort key
/// orders them by time, so the notifications added before a time are one Query with <c>SK &lt; time</c> (a key with that
/// exact time sorts after the bare time, so it is left out, as "before" says).</item>
/// <item><c>PK = DIGESTCLAIM</c>, <c>SK = CLAIM</c>: the digest run's claim (<c>DigestId</c>, <c>Through</c>, <c>ClaimedAt</c>),
/// replaced with a conditional put on the values read (compare-and-set) and deleted with a conditional delete.</item>
/// </list>
/// Marking a claim sent deletes its notifications (BatchWriteItem, 25 keys a call) and then the claim; a mark cut short
/// leaves the claim, so the next mark finishes it.
/// </summary>
public sealed class DynamoDbNotificationDigest(IAmazonDynamoDB dynamo, string tableName) : INotificationDigest
{
    public const string PartitionKey = "DIGEST";
    public const string ClaimPartitionKey = "DIGESTCLAIM";

    // BatchWriteItem takes at most 25 requests per call.
    private const int BatchSize = 25;

    public Task AddAsync(Notification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var at = Timestamp(notification.At);
        var request = new PutItemRequest
        {
            TableName = tableName,
            Item = new()
            {
                ["PK"] = S(PartitionKey),
                ["SK"] = S(at + "#" + Guid.NewGuid().ToString("N")),
                ["Kind"] = S(notification.Kind),
                ["Subject"] = S(notification.Subject),
                ["Message"] = S(notification.Message),
                ["At"] = S(at),
            },
        };
        return PortFailures.Guard($"keep {notification.Kind} for the digest", () => dynamo.PutItemAsync(request, cancellationToken), cancellationToken);
    }

    public Task<DigestClaim?> CurrentClaimAsync(CancellationToken cancellationToken) =>
        PortFailures.Guard("read the digest claim", async () =>
        {
            var item = await dynamo.GetItemAsync(new GetItemRequest { TableName = tableName, Key = ClaimKey(), ConsistentRead = true }, cancellationToken).ConfigureAwait(false);
            return item.Item is { Count: > 0 } found
                ? new DigestClaim(found["DigestId"].S, Parse(found["Through"].S), Parse(found["ClaimedAt"].S))
                : null;
        }, cancellationToken);

    public Task<bool> TryClaimAsync(DigestClaim? expected, DigestClaim claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        return PortFailures.Guard($"claim the digest for {claim.DigestId}", async () =>
        {
            var item = ClaimKey();
            item["DigestId"] = S(claim.DigestId);
            item["Through"] = S(Timestamp(claim.Through));
            item["ClaimedAt"] = S(Timestamp(claim.ClaimedAt));
            var put = new PutItemRequest
            {
                TableName = tableName,
                Item = item,
                ConditionExpression = expected is null ? "attribute_not_exists(PK)" : IsClaim,
            };
            if (expected is not null)
            {
                put.ExpressionAttributeValues = ClaimValues(expected);
            }

            return await ConditionalWrite.LandsAsync(dynamo.PutItemAsync(put, cancellationToken)).ConfigureAwait(false);
        }, cancellationToken);
    }

    public async IAsyncEnumerable<Notification> WaitingAsync(DateTimeOffset addedBefore, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await PortFailures.Guard("read the digest", () => dynamo.QueryAsync(Before(addedBefore, start, keysOnly: false), cancellationToken), cancellationToken).ConfigureAwait(false);
            foreach (var item in page.Items ?? [])
            {
                yield return new Notification(Text(item, "Kind"), Text(item, "Subject"), Text(item, "Message"), Parse(item["At"].S));
            }

            start = page.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        }
        while (start is not null);
    }

    public Task<bool> MarkSentAsync(DigestClaim claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        return PortFailures.Guard($"mark the digest {claim.DigestId} sent", async () =>
        {
            var stored = await CurrentClaimAsync(cancellationToken).ConfigureAwait(false);
            if (stored is null)
            {
                return true;
            }

            if (stored != claim)
            {
                return false;
            }

            Dictionary<string, AttributeValue>? start = null;
            do
            {
                var page = await dynamo.QueryAsync(Before(claim.Through, start, keysOnly: true), cancellationToken).ConfigureAwait(false);
                foreach (var batch in (page.Items ?? []).Chunk(BatchSize))
                {
                    await DeleteAsync(batch, cancellationToken).ConfigureAwait(false);
                }

                start = page.LastEvaluatedKey is { Count: > 0 } next ? next : null;
            }
            while (start is not null);

            try
            {
                await dynamo.DeleteItemAsync(new DeleteItemRequest
                {
                    TableName = tableName,
                    Key = ClaimKey(),
                    ConditionExpression = IsClaim,
                    ExpressionAttributeValues = ClaimValues(claim),
                }, cancellationToken).ConfigureAwait(false);
            }
            catch (ConditionalCheckFailedException)
            {
                // Another run took the claim over while these were deleted: they were mailed by this run, so that run
                // simply finds fewer; its claim stands.
            }

            return true;
        }, cancellationToken);
    }

    private const string IsClaim = "DigestId = :id AND Through = :through AND ClaimedAt = :claimedAt";

    private QueryRequest Before(DateTimeOffset addedBefore, Dictionary<string, AttributeValue>? start, bool keysOnly)
    {
        var query = new QueryRequest
        {
            TableName = tableName,
            KeyConditionExpression = "PK = :pk AND SK < :before",
            ExpressionAttributeValues = new() { [":pk"] = S(PartitionKey), [":before"] = S(Timestamp(addedBefore)) },
            ScanIndexForward = true,
            ConsistentRead = true,
            ExclusiveStartKey = start,
        };
        if (keysOnly)
        {
            query.ProjectionExpression = "PK, SK";
        }

        return query;
    }

    // BatchWriteItem may leave requests unprocessed when the table is busy: they are sent again a few times, then the
    // mark fails as throttled for the workflow to retry (what was deleted stays deleted; the claim still holds the rest).
    private async Task DeleteAsync(Dictionary<string, AttributeValue>[] keys, CancellationToken cancellationToken)
    {
        var requests = keys.Select(k => new WriteRequest { DeleteRequest = new DeleteRequest { Key = new() { ["PK"] = k["PK"], ["SK"] = k["SK"] } } }).ToList();
        for (var attempt = 0; requests.Count > 0; attempt++)
        {
            if (attempt == 4)
            {
                throw new PortException(PortFailure.Throttled, $"DynamoDB left {requests.Count} digest deletions in {tableName} unprocessed after {attempt} attempts.");
            }

            var response = await dynamo.BatchWriteItemAsync(new BatchWriteItemRequest { RequestItems = new() { [tableName] = requests } }, cancellationToken).ConfigureAwait(false);
            requests = response.UnprocessedItems is { } left && left.TryGetValue(tableName, out var rest) && rest is not null ? rest : [];
        }
    }

    private static Dictionary<string, AttributeValue> ClaimKey() => new() { ["PK"] = S(ClaimPartitionKey), ["SK"] = S("CLAIM") };

    private static Dictionary<string, AttributeValue> ClaimValues(DigestClaim claim) => new()
    {
        [":id"] = S(claim.DigestId),
        [":through"] = S(Timestamp(claim.Through)),
        [":claimedAt"] = S(Timestamp(claim.ClaimedAt)),
    };

    private static string Text(Dictionary<string, AttributeValue> item, string name) => item.TryGetValue(name, out var value) ? value.S ?? "" : "";

    private static string Timestamp(DateTimeOffset at) => at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset Parse(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    private static AttributeValue S(string value) => new() { S = value };
}
