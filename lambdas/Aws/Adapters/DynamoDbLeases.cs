using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using ContinuousImprovement.Core.Ports;
using ContinuousImprovement.Core.Storage;

namespace ContinuousImprovement.Aws.Adapters;

/// <summary>
/// <see cref="ILeases"/> on the inference log's table (string <c>PK</c> and <c>SK</c>, see <see cref="DynamoDbInferenceLog"/>).
/// A lease is the item <c>PK = LEASE#&lt;name&gt;</c>, <c>SK = LEASE</c> with its <c>Holder</c> (S) and <c>Until</c>
/// (N, Unix milliseconds). Taking it is one PutItem under
/// <c>attribute_not_exists(PK) OR Holder = :holder OR Until &lt;= :now</c>, so DynamoDB decides between racing holders and
/// exactly one put lands; giving it back is a DeleteItem under <c>Holder = :holder</c>, which leaves a lease that
/// expired and was taken by another alone.
/// <para><c>Until</c> is milliseconds, not the seconds a DynamoDB TTL reads: an expired lease item is replaced by the
/// next holder or stays as one small item per name, so it needs no TTL.</para>
/// </summary>
public sealed class DynamoDbLeases(IAmazonDynamoDB dynamo, string tableName) : ILeases
{
    private const string Sk = "LEASE";

    // UNTIL is one of DynamoDB's reserved words, so both attributes go through names in expressions.
    private static readonly Dictionary<string, string> Names = new() { ["#holder"] = "Holder", ["#until"] = "Until" };

    public Task<bool> TryAcquireAsync(string name, string holder, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(holder);
        if (until <= now)
        {
            throw new ArgumentOutOfRangeException(nameof(until), until, $"Lease {name} would end ({until:O}) before it starts ({now:O}).");
        }

        var put = new PutItemRequest
        {
            TableName = tableName,
            Item = new()
            {
                ["PK"] = S(LeasePk(name)),
                ["SK"] = S(Sk),
                ["Holder"] = S(holder),
                ["Until"] = Millis(until),
            },
            ConditionExpression = "attribute_not_exists(PK) OR #holder = :holder OR #until <= :now",
            ExpressionAttributeNames = new(Names),
            ExpressionAttributeValues = new() { [":holder"] = S(holder), [":now"] = Millis(now) },
        };
        return PortFailures.Guard($"take lease {name}", () => ConditionalWrite.LandsAsync(dynamo.PutItemAsync(put, cancellationToken)), cancellationToken);
    }

    public Task ReleaseAsync(string name, string holder, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(holder);
        var delete = new DeleteItemRequest
        {
            TableName = tableName,
            Key = new() { ["PK"] = S(LeasePk(name)), ["SK"] = S(Sk) },
            ConditionExpression = "#holder = :holder",
            ExpressionAttributeNames = new() { ["#holder"] = Names["#holder"] },
            ExpressionAttributeValues = new() { [":holder"] = S(holder) },
        };
        // A refused condition means another holder has it now (or nobody does): the port promises to leave it as it is.
        return PortFailures.Guard($"give back lease {name}", () => ConditionalWrite.LandsAsync(dynamo.DeleteItemAsync(delete, cancellationToken)), cancellationToken);
    }

    internal static string LeasePk(string name) => TableLayout.Lease(name);

    private static AttributeValue S(string value) => new() { S = value };

    private static AttributeValue Millis(DateTimeOffset at) => new() { N = at.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) };
}
