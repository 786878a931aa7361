using ContinuousImprovement.Core.Ports;
using ContinuousImprovement.Handlers.Invocation;

namespace ContinuousImprovement.Handlers.Training;

/// <summary>The training port that only the training workflow's hosts configure.</summary>
internal static class TrainingPort
{
    public static IModelTraining Of(Ports ports) =>
        ports.Training ?? throw new HandlerException(HandlerErrors.InvalidState, "No model training port is configured: the training workflow's handlers need one.");
}
