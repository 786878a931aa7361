namespace ContinuousImprovement.Local.Adapters;

/// <summary>What an attempt to complete a loop found.</summary>
public enum LoopCompletion
{
    /// <summary>This call completed the loop; no other call ever will.</summary>
    Completed,

    /// <summary>The loop was completed before (by another submission, maybe in another process).</summary>
    AlreadyCompleted,

    /// <summary>No loop of that name was ever started.</summary>
    NotFound,
}
