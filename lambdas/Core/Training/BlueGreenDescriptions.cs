namespace ContinuousImprovement.Core.Training;

/// <summary>Short sentences for notifications and the state's history.</summary>
public static class BlueGreenDescriptions
{
    public static string Describe(this BlueGreenAction action) => action switch
    {
        BlueGreenAction.None => "nothing left to do",
        BlueGreenAction.StartNew => "start the new model version",
        BlueGreenAction.WaitUntilRunning => "wait until the new model version is running",
        BlueGreenAction.SwitchServing => "switch serving to the new model version",
        BlueGreenAction.RollBack => "switch serving back to the old model version",
        BlueGreenAction.StopNew => "stop the new model version",
        BlueGreenAction.StopOld => "stop the old model version",
        _ => $"unknown action {action}",
    };

    public static string Describe(this BlueGreenPhase phase) => phase switch
    {
        BlueGreenPhase.StartingNew => "starting the new model version",
        BlueGreenPhase.WaitingForNew => "waiting for the new model version to run",
        BlueGreenPhase.Switching => "switching serving to the new model version",
        BlueGreenPhase.StoppingOld => "new version serving; stopping the old one",
        BlueGreenPhase.RollingBack => "switch failed; switching serving back to the old version",
        BlueGreenPhase.StoppingNew => "deployment abandoned; stopping the new version",
        BlueGreenPhase.Done => "deployed: the new version is serving",
        BlueGreenPhase.Aborted => "aborted: serving unchanged",
        _ => $"unknown phase {phase}",
    };
}
