using ContinuousImprovement.Core.State;

namespace ContinuousImprovement.Handlers.Training;

/// <summary>What the system parameter said about serving before the deployment, so a rollback can restore it exactly.</summary>
public sealed record PreviousServing(ServingVersion? Serving, SuccessfulTraining? LastSuccessfulTraining);
