namespace ContinuousImprovement.Core.Settings;

/// <summary>Which review backend serves human loops.</summary>
public enum ReviewBackend
{
    /// <summary>Our own review portal (local twin, or deployed to AWS).</summary>
    Portal,

    /// <summary>Amazon Augmented AI, for accounts that have it.</summary>
    A2I,
}

/// <summary>Whether and where humans review, and which answers mean "none of these classes".</summary>
public sealed record ReviewSettings(bool Enabled, ReviewBackend Backend, IReadOnlyList<string> RejectLabels);
