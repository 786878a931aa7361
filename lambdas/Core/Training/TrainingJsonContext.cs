using System.Text.Json.Serialization;

namespace ContinuousImprovement.Core.Training;

/// <summary>
/// Source-generated JSON for the training workflow's states and decisions, which Step Functions carries between
/// Lambda calls (reflection-based serialization is unavailable under Native AOT). camelCase and enum names as
/// strings, so that the state machine's JSONPath and a human reading an execution see <c>"phase": "StoppingOld"</c>.
/// Public so that the Lambda hosts can pass <c>TrainingJsonContext.Default.BlueGreenDeployment</c> and friends.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(BlueGreenDeployment))]
[JsonSerializable(typeof(BlueGreenStep))]
[JsonSerializable(typeof(StepOutcome))]
[JsonSerializable(typeof(TrainingCriteriaInput))]
[JsonSerializable(typeof(TrainingDecision))]
[JsonSerializable(typeof(ModelEvaluation))]
[JsonSerializable(typeof(GateDecision))]
[JsonSerializable(typeof(ServingRescore))]
public sealed partial class TrainingJsonContext : JsonSerializerContext;
