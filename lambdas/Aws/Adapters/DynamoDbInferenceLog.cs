using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using ContinuousImprovement.Core.Ports;
using ContinuousImprovement.Core.Sampling;

namespace ContinuousImprovement.Aws.Adapters;

/// <summary>
/// <see cref="IInferenceLog"/> on one DynamoDB table with a string partition key <c>PK</c> and a string sort key <c>SK</c>
/// (single-table design; PAY_PER_REQUEST). Items:
/// <list type="bullet">
/// <item><c>PK = IMAGE#&lt;image key&gt;</c>, <c>SK = SEQ#&lt;sequence, 20 digits&gt;</c>: one prediction. Zero-padding makes the
/// sort key order the sequence order, so an image's newest record is a Query with <c>ScanIndexForward=false, Limit=1</c>.</item>
/// <item><c>PK = SEQ#&lt;sequence&gt;</c>, <c>SK = SEQ</c>: points a sequence number at its image key (RecordDecision gets only the number).</item>
/// <item><c>PK = COUNTER</c>, <c>SK = SEQUENCE</c>: the sequence counter, taken with an atomic <c>ADD n :one</c> (UPDATED_NEW).</item>
/// <item><c>PK = HUMANLOOPS#yyyy-MM-dd</c>, <c>SK = DAY</c>: the day's reserved human loops, taken with a conditional
/// <c>ADD #count :one</c> under <c>attribute_not_exists(#count) OR #count &lt; :cap</c>, so parallel reservations can never pass the cap.</item>
/// </list>
/// Retraining candidates are a Scan over the prediction items with the filter
/// <c>begins_with(PK, "IMAGE#") AND ((attribute_exists(HumanLabel) AND HumanLabel &lt;&gt; TopLabel) OR attribute_not_exists(TopConfidence) OR TopConfidence &lt; :threshold)</c>,
/// sorted newest first here. A Scan reads the whole table; the training check runs a few times a day, so that is cheap
/// at this product's volumes. A sparse GSI on a "candidate" attribute is the way to grow past that.
/// </summary>
public sealed class DynamoDbInferenceLog(IAmazonDynamoDB dynamo, string tableName) : IInferenceLog
{
    private const string Pk = "PK";
    private const string Sk = "SK";

    public Task<long> RecordAsync(InferenceRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        return PortFailures.Guard("record an inference", async () =>
        {
            var counter = await dynamo.UpdateItemAsync(new UpdateItemRequest
            {
                TableName = tableName,
                Key = Key("COUNTER", "SEQUENCE"),
                UpdateExpression = "ADD #n :one",
                ExpressionAttributeNames = new() { ["#n"] = "n" },
                ExpressionAttributeValues = new() { [":one"] = Number(1) },
                ReturnValues = ReturnValue.UPDATED_NEW,
            }, cancellationToken).ConfigureAwait(false);
            var sequence = long.Parse(counter.Attributes["n"].N, CultureInfo.InvariantCulture);

            await dynamo.PutItemAsync(new PutItemRequest
            {
                TableName = tableName,
                Item = new()
                {
                    [Pk] = S(SequencePk(sequence)),
                    [Sk] = S("SEQ"),
                    ["ImageKey"] = S(record.ImageKey),
                },
            }, cancellationToken).ConfigureAwait(false);
            await dynamo.PutItemAsync(new PutItemRequest { TableName = tableName, Item = Item(record, sequence) }, cancellationToken).ConfigureAwait(false);
            return sequence;
        }, cancellationToken);
    }

    public Task RecordDecisionAsync(long sequenceNumber, bool sentToHuman, IReadOnlyList<string> reasons, string? humanLoopName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reasons);
        return PortFailures.Guard("record a decision", async () =>
        {
            var pointer = await dynamo.GetItemAsync(new GetItemRequest { TableName = tableName, Key = Key(SequencePk(sequenceNumber), "SEQ"), ConsistentRead = true }, cancellationToken).ConfigureAwait(false);
            if (pointer.Item is null || !pointer.Item.TryGetValue("ImageKey", out var imageKey))
            {
                throw new PortException(PortFailure.NotFound, $"No inference #{sequenceNumber} is logged.");
            }

            var update = new UpdateItemRequest
            {
                TableName = tableName,
                Key = Key(ImagePk(imageKey.S), SequenceSk(sequenceNumber)),
                ConditionExpression = "attribute_exists(PK)",
                UpdateExpression = humanLoopName is null
                    ? "SET SentToHuman = :sent, Reasons = :reasons REMOVE HumanLoopName"
                    : "SET SentToHuman = :sent, Reasons = :reasons, HumanLoopName = :loop",
                ExpressionAttributeValues = new() { [":sent"] = Bool(sentToHuman), [":reasons"] = Strings(reasons) },
            };
            if (humanLoopName is not null)
            {
                update.ExpressionAttributeValues[":loop"] = S(humanLoopName);
            }

            try
            {
                await dynamo.UpdateItemAsync(update, cancellationToken).ConfigureAwait(false);
            }
            catch (ConditionalCheckFailedException e)
            {
                throw new PortException(PortFailure.NotFound, $"No inference #{sequenceNumber} is logged.", e);
            }

            return true;
        }, cancellationToken);
    }

    public Task RecordHumanLabelAsync(string imageKey, string label, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(imageKey);
        ArgumentNullException.ThrowIfNull(label);
        return PortFailures.Guard("record a human label", async () =>
        {
            var newest = await dynamo.QueryAsync(new QueryRequest
            {
                TableName = tableName,
                KeyConditionExpression = "PK = :pk",
                ExpressionAttributeValues = new() { [":pk"] = S(ImagePk(imageKey)) },
                ScanIndexForward = false,
                Limit = 1,
                ConsistentRead = true,
            }, cancellationToken).ConfigureAwait(false);
            var item = newest.Items?.FirstOrDefault()
                ?? throw new PortException(PortFailure.NotFound, $"No inference is logged for image key \"{imageKey}\".");
            await dynamo.UpdateItemAsync(new UpdateItemRequest
            {
                TableName = tableName,
                Key = Key(item[Pk].S, item[Sk].S),
                UpdateExpression = "SET HumanLabel = :label",
                ExpressionAttributeValues = new() { [":label"] = S(label) },
            }, cancellationToken).ConfigureAwait(false);
            return true;
        }, cancellationToken);
    }

    public Task<bool> TryReserveHumanLoopAsync(DateOnly day, int cap, CancellationToken cancellationToken)
    {
        if (cap <= 0)
        {
            return Task.FromResult(false);
        }

        return PortFailures.Guard("reserve a human loop", async () =>
        {
            try
            {
                await dynamo.UpdateItemAsync(new UpdateItemRequest
                {
                    TableName = tableName,
                    Key = Key("HUMANLOOPS#" + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "DAY"),
                    UpdateExpression = "ADD #count :one",
                    ConditionExpression = "attribute_not_exists(#count) OR #count < :cap",
                    ExpressionAttributeNames = new() { ["#count"] = "count" },
                    ExpressionAttributeValues = new() { [":one"] = Number(1), [":cap"] = Number(cap) },
                }, cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (ConditionalCheckFailedException)
            {
                return false;
            }
        }, cancellationToken);
    }

    public Task<IReadOnlyList<InferenceRecord>> RetrainingCandidatesAsync(double confidenceThreshold, int limit, CancellationToken cancellationToken)
    {
        if (limit <= 0)
        {
            return Task.FromResult<IReadOnlyList<InferenceRecord>>([]);
        }

        return PortFailures.Guard("list retraining candidates", async () =>
        {
            var found = new List<(long Sequence, InferenceRecord Record)>();
            Dictionary<string, AttributeValue>? start = null;
            do
            {
                var page = await dynamo.ScanAsync(new ScanRequest
                {
                    TableName = tableName,
                    FilterExpression = "begins_with(PK, :image) AND ((attribute_exists(HumanLabel) AND (attribute_not_exists(TopLabel) OR HumanLabel <> TopLabel)) OR attribute_not_exists(TopConfidence) OR TopConfidence < :threshold)",
                    ExpressionAttributeValues = new() { [":image"] = S("IMAGE#"), [":threshold"] = Number(confidenceThreshold) },
                    ExclusiveStartKey = start,
                    ConsistentRead = true,
                }, cancellationToken).ConfigureAwait(false);
                found.AddRange((page.Items ?? []).Select(item => (long.Parse(item["Seq"].N, CultureInfo.InvariantCulture), Record(item))));
                start = page.LastEvaluatedKey is { Count: > 0 } next ? next : null;
            }
            while (start is not null);

            IReadOnlyList<InferenceRecord> newestFirst = found.OrderByDescending(f => f.Sequence).Take(limit).Select(f => f.Record).ToList();
            return newestFirst;
        }, cancellationToken);
    }

    internal static string ImagePk(string imageKey) => "IMAGE#" + imageKey;

    internal static string SequenceSk(long sequence) => "SEQ#" + sequence.ToString("D20", CultureInfo.InvariantCulture);

    private static string SequencePk(long sequence) => "SEQ#" + sequence.ToString(CultureInfo.InvariantCulture);

    private static Dictionary<string, AttributeValue> Item(InferenceRecord record, long sequence)
    {
        var item = new Dictionary<string, AttributeValue>
        {
            [Pk] = S(ImagePk(record.ImageKey)),
            [Sk] = S(SequenceSk(sequence)),
            ["Seq"] = Number(sequence),
            ["ImageKey"] = S(record.ImageKey),
            ["ModelVersionArn"] = S(record.ModelVersionArn),
            ["Labels"] = new AttributeValue
            {
                L = record.Prediction.Labels.Select(l => new AttributeValue { M = new() { ["Label"] = S(l.Label), ["Confidence"] = Number(Prediction.Usable(l.Confidence)) } }).ToList(),
            },
            ["SentToHuman"] = Bool(record.SentToHuman),
            ["Reasons"] = Strings(record.Reasons),
            ["At"] = S(record.At.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture)),
        };
        var top = record.Prediction.Top;
        if (top is not null)
        {
            item["TopLabel"] = S(top.Label);
            item["TopConfidence"] = Number(top.Confidence);
        }

        if (record.HumanLoopName is not null)
        {
            item["HumanLoopName"] = S(record.HumanLoopName);
        }

        if (record.HumanLabel is not null)
        {
            item["HumanLabel"] = S(record.HumanLabel);
        }

        return item;
    }

    private static InferenceRecord Record(Dictionary<string, AttributeValue> item) => new(
        item["ImageKey"].S,
        item["ModelVersionArn"].S,
        new Prediction((item["Labels"].L ?? []).Select(l => new LabelConfidence(l.M["Label"].S, double.Parse(l.M["Confidence"].N, CultureInfo.InvariantCulture))).ToList()),
        item["SentToHuman"].BOOL == true,
        (item["Reasons"].L ?? []).Select(r => r.S).ToList(),
        item.TryGetValue("HumanLoopName", out var loop) ? loop.S : null,
        DateTimeOffset.Parse(item["At"].S, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
        item.TryGetValue("HumanLabel", out var human) ? human.S : null);

    private static Dictionary<string, AttributeValue> Key(string pk, string sk) => new() { [Pk] = S(pk), [Sk] = S(sk) };

    private static AttributeValue S(string value) => new() { S = value };

    private static AttributeValue Number(double value) => new() { N = value.ToString("R", CultureInfo.InvariantCulture) };

    private static AttributeValue Bool(bool value) => new() { BOOL = value };

    private static AttributeValue Strings(IReadOnlyList<string> values) => new() { L = values.Select(S).ToList() };
}
