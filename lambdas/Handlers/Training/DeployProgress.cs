using ContinuousImprovement.Core.Training;

namespace ContinuousImprovement.Handlers.Training;

/// <summary>
/// The blue/green plan as the execution carries it, with the polls spent waiting for the new version to run.
/// <see cref="Waiting"/>: the new version is still starting, wait before the next step; <see cref="Finished"/>:
/// the plan is Done or Aborted.
/// </summary>
public sealed record DeployProgress(BlueGreenDeployment Deployment, int Polls, bool Waiting)
{
    public bool Finished => Deployment.IsFinished;
}
