using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using ContinuousImprovement.Core.Storage;

namespace ContinuousImprovement.Aws.Tests.Peers;

/// <summary>A real dynalite (in-memory DynamoDB) on 127.0.0.1 and an AWSSDK.DynamoDBv2 client pointed at it.</summary>
public sealed class DynaliteFixture : IAsyncLifetime
{
    private NodePeer? peer;
    private int tables;

    public IAmazonDynamoDB Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var port = NodePeer.FreePort();
        peer = await NodePeer.StartAsync(
            NodePeer.Node(preferBundled: true),
            [AwsFixtures.Repository("node_modules", "dynalite", "cli.js"), "--host", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0"],
            port);
        Client = new AmazonDynamoDBClient(
            new BasicAWSCredentials("local", "local"),
            new AmazonDynamoDBConfig { ServiceURL = peer.Url.ToString(), AuthenticationRegion = "us-east-1" });
    }

    /// <summary>A fresh table with the inference log's key schema (PK, SK strings) and index, so tests do not share state.</summary>
    public async Task<string> NewTableAsync()
    {
        var name = $"inferences-{Interlocked.Increment(ref tables)}";
        await Client.CreateTableAsync(new CreateTableRequest
        {
            TableName = name,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            // Keyed as the stack creates the table.
            AttributeDefinitions = [new(TableLayout.PartitionKey, ScalarAttributeType.S), new(TableLayout.SortKey, ScalarAttributeType.S), new(TableLayout.LabeledModel, ScalarAttributeType.S)],
            KeySchema = [new(TableLayout.PartitionKey, KeyType.HASH), new(TableLayout.SortKey, KeyType.RANGE)],
            GlobalSecondaryIndexes =
            [
                new GlobalSecondaryIndex
                {
                    IndexName = TableLayout.LabeledByModelIndex,
                    KeySchema = [new(TableLayout.LabeledModel, KeyType.HASH)],
                    Projection = new Projection { ProjectionType = ProjectionType.INCLUDE, NonKeyAttributes = [.. TableLayout.LabeledByModelProjection] },
                },
            ],
        });
        // dynalite turns a table ACTIVE on a timer even at --createTableMs 0; a request before that finds no table.
        while ((await Client.DescribeTableAsync(name)).Table.TableStatus != TableStatus.ACTIVE)
        {
            await Task.Delay(10);
        }

        return name;
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (peer is not null)
        {
            await peer.DisposeAsync();
        }
    }
}
