namespace ContinuousImprovement.Asl.Tasks;

/// <summary>One SNS message attribute as Publish takes it: <c>{"DataType":"String","StringValue":"…"}</c> (or BinaryValue, base64).</summary>
public sealed record SnsAttributeValue(string DataType, string? StringValue, string? BinaryValue);
