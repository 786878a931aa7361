namespace ContinuousImprovement.Core.Training;

/// <summary>What the training workflow must do next for a blue/green deployment.</summary>
public enum BlueGreenAction
{
    /// <summary>The deployment is finished (Done or Aborted).</summary>
    None,

    /// <summary>Start the new model version (Rekognition StartProjectVersion).</summary>
    StartNew,

    /// <summary>Poll until the new version is RUNNING; report failure if it fails or times out.</summary>
    WaitUntilRunning,

    /// <summary>Point the serving-model parameter at the new version.</summary>
    SwitchServing,

    /// <summary>Point the serving-model parameter back at the old version.</summary>
    RollBack,

    /// <summary>Stop the new version; an already stopped or never started version counts as success.</summary>
    StopNew,

    /// <summary>Stop the old version; an already stopped version counts as success.</summary>
    StopOld,
}
