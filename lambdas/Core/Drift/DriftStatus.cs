namespace ContinuousImprovement.Core.Drift;

/// <summary>What a drift check concluded.</summary>
public enum DriftStatus
{
    /// <summary>No model version serves, so there is nothing to compare.</summary>
    NoModelServing,

    /// <summary>The serving version's F1 was not recorded at deploy (or is not a score), so there is no promise to hold it to.</summary>
    NoPromise,

    /// <summary>Fewer human labels than the minimum in the window: too few to tell drift from chance.</summary>
    TooFewLabels,

    /// <summary>The labels are consistent with what the evaluation promised, within the tolerance.</summary>
    WithinTolerance,

    /// <summary>Even the low end of the disagreement's confidence interval is above the limit: report it.</summary>
    Drift,
}
