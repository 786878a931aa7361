using System.Text.Json;

namespace ContinuousImprovement.Local.Portal;

/// <summary>A human loop output document in A2I's <c>output.json</c> shape, as the portal writes it.</summary>
internal sealed record OutputDocument(
    string FlowDefinitionArn,
    IReadOnlyList<OutputAnswer> HumanAnswers,
    string HumanLoopName,
    JsonElement InputContent);
