namespace ContinuousImprovement.Handlers.Training;

/// <summary>One poll of a training version: how many polls came before and how many are allowed.</summary>
public sealed record DescribeVersionRequest(string VersionArn, int Polls, int MaxPolls);
