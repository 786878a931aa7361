using ContinuousImprovement.Asl.Json;

namespace ContinuousImprovement.Asl.Tasks;

/// <summary>One call of a task: its effective input (after InputPath and Parameters) and where it runs.</summary>
public sealed record TaskInvocation(string Resource, JsonValue Input, string StateName, string ExecutionArn, DateTimeOffset Deadline);
