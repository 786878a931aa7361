using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using ContinuousImprovement.Core.Audit;
using ContinuousImprovement.Core.Drift;
using ContinuousImprovement.Core.Ports;
using ContinuousImprovement.Core.Sampling;
using ContinuousImprovement.Core.Storage;
using ContinuousImprovement.Core.Training;

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
/// <item><c>PK = AUDIT</c>, <c>SK = CURSOR</c>: where audit sampling resumes (<c>LastSequence</c>, <c>Counted</c>), moved with a
/// conditional put on the values read (compare-and-set).</item>
/// <item><c>PK = DRIFT#&lt;model version ARN&gt;</c>, <c>SK = ALERT</c>: the version's last drift alert (<c>Labels</c>, <c>Agreed</c>,
/// <c>At</c>), replaced with a conditional put on the values read (compare-and-set).</item>
/// </list>
/// Prediction items carry <c>Audited = true</c> once audit sampling sent them to a human (absent: false).
/// <para>Confident detections for the audit are read by number, with no index: the sequence pointers after the cursor
/// (<c>SEQ#n</c>) and then their prediction items, each in BatchGetItem calls of at most 100 keys with consistent reads,
/// up to the counter's value. A number whose pointer or item is missing is a write still under way, or one that failed
/// after taking its number; the read passes over it only once a later prediction has settled, and otherwise stops before it.</para>
/// <para>A human label also copies the prediction's model version into <c>LabeledModel</c>, the key of the sparse index
/// <c>LabeledByModel</c> (see <see cref="TableLayout"/>): a model's confusion is a Query of that index, so the hourly drift
/// check reads one version's labeled predictions, never the whole log. Index reads are eventually consistent; a label
/// recorded within the last second may wait for the next check. A table written before the index existed needs its
/// labeled items given <c>LabeledModel</c> once (SET it to ModelVersionArn where HumanLabel exists), or the check
/// counts only labels recorded since.</para>
/// </summary>
public sealed class DynamoDbInferenceLog(IAmazonDynamoDB dynamo, string tableName) : IInferenceLog
{
    private const string Pk = TableLayout.PartitionKey;
    private const string Sk = TableLayout.SortKey;

    // BatchGetItem takes at most 100 keys per call.
    private const int BatchSize = 100;

    // A read looks up at most this many numbers per prediction it may examine, so a long run of numbers that were
    // taken but never written cannot make one call unbounded; the next call continues after what was settled.
    private const int LookupsPerExamined = 10;

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
                // The copy of the model version puts the prediction into the LabeledByModel index.
                UpdateExpression = "SET HumanLabel = :label, #labeled = ModelVersionArn",
                ExpressionAttributeNames = new() { ["#labeled"] = TableLayout.LabeledModel },
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

        return PortFailures.Guard("reserve a human loop", () => AddToDayCountAsync(day, 1, "attribute_not_exists(#count) OR #count < :bound", cap, cancellationToken), cancellationToken);
    }

    // The condition keeps the count at zero or above (a missing day fails it too): nothing to give back.
    public Task<bool> ReleaseHumanLoopAsync(DateOnly day, CancellationToken cancellationToken) =>
        PortFailures.Guard("release a human loop", () => AddToDayCountAsync(day, -1, "#count > :bound", 0, cancellationToken), cancellationToken);

    public Task<int> HumanLoopsOnAsync(DateOnly day, CancellationToken cancellationToken) =>
        PortFailures.Guard("count human loops", async () =>
        {
            var item = await dynamo.GetItemAsync(new GetItemRequest { TableName = tableName, Key = Key(HumanLoopsPk(day), "DAY"), ConsistentRead = true }, cancellationToken).ConfigureAwait(false);
            return item.Item is { } found && found.TryGetValue("count", out var count) ? int.Parse(count.N, CultureInfo.InvariantCulture) : 0;
        }, cancellationToken);

    public Task<ModelConfusion> ConfusionAsync(string modelVersionArn, IReadOnlySet<string> pickedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(modelVersionArn);
        ArgumentNullException.ThrowIfNull(pickedBy);
        return PortFailures.Guard("summarize a model's confusion", async () =>
        {
            var counts = new Dictionary<(string Truth, string? Predicted), int>();
            Dictionary<string, AttributeValue>? start = null;
            do
            {
                var page = await dynamo.QueryAsync(new QueryRequest
                {
                    TableName = tableName,
                    IndexName = TableLayout.LabeledByModelIndex,
                    KeyConditionExpression = "#model = :model",
                    FilterExpression = "HumanLabel <> :empty",
                    ProjectionExpression = string.Join(", ", TableLayout.LabeledByModelProjection),
                    ExpressionAttributeNames = new() { ["#model"] = TableLayout.LabeledModel },
                    ExpressionAttributeValues = new() { [":model"] = S(modelVersionArn), [":empty"] = S("") },
                    ExclusiveStartKey = start,
                }, cancellationToken).ConfigureAwait(false);
                foreach (var item in page.Items ?? [])
                {
                    var reasons = item.TryGetValue("Reasons", out var listed) ? (listed.L ?? []).Select(r => r.S ?? "") : [];
                    if (LabelSources.PickedBy(reasons, pickedBy))
                    {
                        var key = (item["HumanLabel"].S, item.TryGetValue("TopLabel", out var top) ? top.S : null);
                        counts[key] = counts.GetValueOrDefault(key) + 1;
                    }
                }

                start = page.LastEvaluatedKey is { Count: > 0 } next ? next : null;
            }
            while (start is not null);

            return ModelConfusion.Of(modelVersionArn, counts.Select(c => new ConfusionCell(c.Key.Truth, c.Key.Predicted, c.Value)));
        }, cancellationToken);
    }

    public Task<DriftAlert?> DriftAlertAsync(string modelVersionArn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(modelVersionArn);
        return PortFailures.Guard("read a drift alert", async () =>
        {
            var item = await dynamo.GetItemAsync(new GetItemRequest { TableName = tableName, Key = Key(DriftPk(modelVersionArn), "ALERT"), ConsistentRead = true }, cancellationToken).ConfigureAwait(false);
            return item.Item is { Count: > 0 } found
                ? new DriftAlert(
                    modelVersionArn,
                    int.Parse(found["Labels"].N, CultureInfo.InvariantCulture),
                    int.Parse(found["Agreed"].N, CultureInfo.InvariantCulture),
                    DateTimeOffset.Parse(found["At"].S, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind))
                : null;
        }, cancellationToken);
    }

    public Task<bool> TryRecordDriftAlertAsync(DriftAlert? expected, DriftAlert alert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        if (expected is not null && expected.ModelVersionArn != alert.ModelVersionArn)
        {
            throw new PortException(PortFailure.Invalid, $"A drift alert of \"{alert.ModelVersionArn}\" cannot replace one of \"{expected.ModelVersionArn}\".");
        }

        return PortFailures.Guard("record a drift alert", async () =>
        {
            var put = new PutItemRequest
            {
                TableName = tableName,
                Item = new()
                {
                    [Pk] = S(DriftPk(alert.ModelVersionArn)),
                    [Sk] = S("ALERT"),
                    ["Labels"] = Number(alert.Labels),
                    ["Agreed"] = Number(alert.Agreed),
                    ["At"] = S(Timestamp(alert.At)),
                },
                ConditionExpression = expected is null ? "attribute_not_exists(PK)" : "Labels = :labels AND Agreed = :agreed AND #at = :at",
            };
            if (expected is not null)
            {
                put.ExpressionAttributeNames = new() { ["#at"] = "At" };
                put.ExpressionAttributeValues = new() { [":labels"] = Number(expected.Labels), [":agreed"] = Number(expected.Agreed), [":at"] = S(Timestamp(expected.At)) };
            }

            return await ConditionalWrite.LandsAsync(dynamo.PutItemAsync(put, cancellationToken)).ConfigureAwait(false);
        }, cancellationToken);
    }

    public Task<ConfidentDetections> ConfidentDetectionsAsync(long afterSequence, double minimumConfidence, DateTimeOffset loggedBefore, int limit, CancellationToken cancellationToken)
    {
        if (limit <= 0)
        {
            return Task.FromResult(new ConfidentDetections([], afterSequence, More: false));
        }

        return PortFailures.Guard("read confident detections", async () =>
        {
            var counter = await dynamo.GetItemAsync(new GetItemRequest { TableName = tableName, Key = Key("COUNTER", "SEQUENCE"), ConsistentRead = true }, cancellationToken).ConfigureAwait(false);
            var last = counter.Item is { } found && found.TryGetValue("n", out var n) ? long.Parse(n.N, CultureInfo.InvariantCulture) : 0;
            var lookups = (long)limit * LookupsPerExamined;
            var confident = new List<LoggedInference>();
            var through = afterSequence;
            var examined = 0;
            var number = afterSequence + 1;
            while (number <= last && number - afterSequence <= lookups)
            {
                var batch = Math.Min(BatchSize, Math.Min(last, afterSequence + lookups) - number + 1);
                var items = await PredictionsAsync(number, (int)batch, cancellationToken).ConfigureAwait(false);
                for (var sequence = number; sequence < number + batch; sequence++)
                {
                    // A missing number is settled by the next prediction that is: it was taken before that one's.
                    if (!items.TryGetValue(sequence, out var item))
                    {
                        continue;
                    }

                    var record = Record(item);
                    if (record.At >= loggedBefore)
                    {
                        return new ConfidentDetections(confident, through, More: false);
                    }

                    through = sequence;
                    var audited = item.TryGetValue("Audited", out var flag) && flag.BOOL == true;
                    if (record.Prediction.Top is { } top && top.Confidence >= minimumConfidence && (!record.SentToHuman || audited))
                    {
                        confident.Add(new LoggedInference(sequence, record, audited));
                    }

                    if (++examined == limit)
                    {
                        return new ConfidentDetections(confident, through, More: sequence < last);
                    }
                }

                number += batch;
            }

            return new ConfidentDetections(confident, through, More: number <= last);
        }, cancellationToken);
    }

    public Task RecordAuditAsync(long sequenceNumber, IReadOnlyList<string> reasons, string humanLoopName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reasons);
        ArgumentNullException.ThrowIfNull(humanLoopName);
        return PortFailures.Guard("record an audit", async () =>
        {
            var imageKey = await ImageKeyOfAsync(sequenceNumber, cancellationToken).ConfigureAwait(false);
            try
            {
                await dynamo.UpdateItemAsync(new UpdateItemRequest
                {
                    TableName = tableName,
                    Key = Key(ImagePk(imageKey), SequenceSk(sequenceNumber)),
                    ConditionExpression = "attribute_exists(PK)",
                    UpdateExpression = "SET SentToHuman = :sent, Reasons = :reasons, HumanLoopName = :loop, Audited = :sent",
                    ExpressionAttributeValues = new() { [":sent"] = Bool(true), [":reasons"] = Strings(reasons), [":loop"] = S(humanLoopName) },
                }, cancellationToken).ConfigureAwait(false);
            }
            catch (ConditionalCheckFailedException e)
            {
                throw new PortException(PortFailure.NotFound, $"No inference #{sequenceNumber} is logged.", e);
            }

            return true;
        }, cancellationToken);
    }

    public Task<AuditCursor?> AuditCursorAsync(CancellationToken cancellationToken) =>
        PortFailures.Guard("read the audit cursor", async () =>
        {
            var item = await dynamo.GetItemAsync(new GetItemRequest { TableName = tableName, Key = Key("AUDIT", "CURSOR"), ConsistentRead = true }, cancellationToken).ConfigureAwait(false);
            return item.Item is { Count: > 0 } found
                ? new AuditCursor(long.Parse(found["LastSequence"].N, CultureInfo.InvariantCulture), int.Parse(found["Counted"].N, CultureInfo.InvariantCulture))
                : null;
        }, cancellationToken);

    public Task<bool> TryMoveAuditCursorAsync(AuditCursor? expected, AuditCursor moved, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(moved);
        return PortFailures.Guard("move the audit cursor", async () =>
        {
            var put = new PutItemRequest
            {
                TableName = tableName,
                Item = new()
                {
                    [Pk] = S("AUDIT"),
                    [Sk] = S("CURSOR"),
                    ["LastSequence"] = Number(moved.LastSequence),
                    ["Counted"] = Number(moved.Counted),
                },
                ConditionExpression = expected is null ? "attribute_not_exists(PK)" : "LastSequence = :last AND Counted = :counted",
            };
            if (expected is not null)
            {
                put.ExpressionAttributeValues = new() { [":last"] = Number(expected.LastSequence), [":counted"] = Number(expected.Counted) };
            }

            return await ConditionalWrite.LandsAsync(dynamo.PutItemAsync(put, cancellationToken)).ConfigureAwait(false);
        }, cancellationToken);
    }

    // Adds delta to the day's human-loop count if the condition (over #count and :bound) holds; false when it does not.
    private Task<bool> AddToDayCountAsync(DateOnly day, int delta, string condition, int bound, CancellationToken cancellationToken) =>
        ConditionalWrite.LandsAsync(dynamo.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = tableName,
            Key = Key(HumanLoopsPk(day), "DAY"),
            UpdateExpression = "ADD #count :delta",
            ConditionExpression = condition,
            ExpressionAttributeNames = new() { ["#count"] = "count" },
            ExpressionAttributeValues = new() { [":delta"] = Number(delta), [":bound"] = Number(bound) },
        }, cancellationToken));

    internal static string ImagePk(string imageKey) => "IMAGE#" + imageKey;

    internal static string SequenceSk(long sequence) => "SEQ#" + sequence.ToString("D20", CultureInfo.InvariantCulture);

    private static string SequencePk(long sequence) => "SEQ#" + sequence.ToString(CultureInfo.InvariantCulture);

    private static string DriftPk(string modelVersionArn) => "DRIFT#" + modelVersionArn;

    private static string Timestamp(DateTimeOffset at) => at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static string HumanLoopsPk(DateOnly day) => "HUMANLOOPS#" + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<string> ImageKeyOfAsync(long sequenceNumber, CancellationToken cancellationToken)
    {
        var pointer = await dynamo.GetItemAsync(new GetItemRequest { TableName = tableName, Key = Key(SequencePk(sequenceNumber), "SEQ"), ConsistentRead = true }, cancellationToken).ConfigureAwait(false);
        return pointer.Item is not null && pointer.Item.TryGetValue("ImageKey", out var imageKey)
            ? imageKey.S
            : throw new PortException(PortFailure.NotFound, $"No inference #{sequenceNumber} is logged.");
    }

    // The prediction items of `count` numbers from `first`, by number: the pointers first, then the items they name.
    private async Task<Dictionary<long, Dictionary<string, AttributeValue>>> PredictionsAsync(long first, int count, CancellationToken cancellationToken)
    {
        var pointerKeys = Enumerable.Range(0, count).Select(i => Key(SequencePk(first + i), "SEQ")).ToList();
        var pointers = await BatchGetAsync(pointerKeys, cancellationToken).ConfigureAwait(false);
        var itemKeys = pointers
            .Where(p => p.ContainsKey("ImageKey"))
            .Select(p => Key(ImagePk(p["ImageKey"].S), SequenceSk(long.Parse(p[Pk].S["SEQ#".Length..], CultureInfo.InvariantCulture))))
            .ToList();
        var items = await BatchGetAsync(itemKeys, cancellationToken).ConfigureAwait(false);
        return items.ToDictionary(item => long.Parse(item["Seq"].N, CultureInfo.InvariantCulture));
    }

    // BatchGetItem may leave keys unprocessed when the table is busy: they are asked again a few times, then the
    // read fails as throttled for the workflow to retry with backoff.
    private async Task<List<Dictionary<string, AttributeValue>>> BatchGetAsync(List<Dictionary<string, AttributeValue>> keys, CancellationToken cancellationToken)
    {
        var found = new List<Dictionary<string, AttributeValue>>();
        for (var attempt = 0; keys.Count > 0; attempt++)
        {
            if (attempt == 4)
            {
                throw new PortException(PortFailure.Throttled, $"DynamoDB left {keys.Count} keys of {tableName} unread after {attempt} attempts.");
            }

            var response = await dynamo.BatchGetItemAsync(new BatchGetItemRequest
            {
                RequestItems = new() { [tableName] = new KeysAndAttributes { Keys = keys, ConsistentRead = true } },
            }, cancellationToken).ConfigureAwait(false);
            if (response.Responses is { } responses && responses.TryGetValue(tableName, out var items) && items is not null)
            {
                found.AddRange(items);
            }

            keys = response.UnprocessedKeys is { } unprocessed && unprocessed.TryGetValue(tableName, out var left) && left?.Keys is { } rest ? rest : [];
        }

        return found;
    }

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
            item[TableLayout.LabeledModel] = S(record.ModelVersionArn);
        }

        return item;
    }

    internal static InferenceRecord Record(Dictionary<string, AttributeValue> item) => new(
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
