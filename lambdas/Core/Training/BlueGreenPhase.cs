namespace ContinuousImprovement.Core.Training;

/// <summary>Where a blue/green deployment stands; each non-final phase has exactly one pending action.</summary>
public enum BlueGreenPhase
{
    StartingNew,
    WaitingForNew,
    Switching,
    StoppingOld,
    RollingBack,
    StoppingNew,
    Done,
    Aborted,
}
