namespace ContinuousImprovement.Aws.Sns;

/// <summary>A message attribute: <paramref name="DataType"/> is String, String.Array, Number or Binary.</summary>
public sealed record MessageAttributeValue(string DataType, string? StringValue = null, byte[]? BinaryValue = null);

/// <summary>Publishes to a topic (<paramref name="TopicArn"/>) or endpoint (<paramref name="TargetArn"/>).</summary>
public sealed record PublishRequest(
    string Message,
    string? TopicArn = null,
    string? TargetArn = null,
    string? Subject = null,
    string? MessageStructure = null,
    IReadOnlyDictionary<string, MessageAttributeValue>? MessageAttributes = null,
    string? MessageDeduplicationId = null,
    string? MessageGroupId = null);

public sealed record PublishResponse(string? MessageId = null, string? SequenceNumber = null);
