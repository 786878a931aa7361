using System.Text.Json;
using System.Text.Json.Serialization;
using ContinuousImprovement.Core.Training;

namespace ContinuousImprovement.Handlers.Training;

// Enums as names, so the execution shows "phase": "StoppingOld" as Core's own context writes it; nulls are
// written because Choice states test them.
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(TrainingCheckRequest))]
[JsonSerializable(typeof(TrainingCheck))]
[JsonSerializable(typeof(CreateVersionRequest))]
[JsonSerializable(typeof(CandidateCreated))]
[JsonSerializable(typeof(CandidateRequest))]
[JsonSerializable(typeof(TrainingOutcome))]
[JsonSerializable(typeof(DescribeVersionRequest))]
[JsonSerializable(typeof(TrainingPoll))]
[JsonSerializable(typeof(TrainingEndRequest))]
[JsonSerializable(typeof(ScoreServingRequest))]
[JsonSerializable(typeof(ServingRescore))]
[JsonSerializable(typeof(GateRequest))]
[JsonSerializable(typeof(GateResult))]
[JsonSerializable(typeof(DeployStepRequest))]
[JsonSerializable(typeof(DeployProgress))]
[JsonSerializable(typeof(FinishDeploymentRequest))]
[JsonSerializable(typeof(ReleaseCandidateRequest))]
[JsonSerializable(typeof(CandidateReleased))]
[JsonSerializable(typeof(DescribeTrainingFailureRequest))]
[JsonSerializable(typeof(TrainingFailureReport))]
internal sealed partial class TrainingHandlersJsonContext : JsonSerializerContext;
