namespace ContinuousImprovement.Core.Settings;

/// <summary>Which review backend serves human loops.</summary>
public enum ReviewBackend
{
    /// <summary>Our own review portal (the local twin; the AWS stack does not deploy it yet).</summary>
    Portal,

    /// <summary>Amazon Augmented AI, for accounts that have it.</summary>
    A2I,
}

/// <summary>Whether and where humans review, and which answers mean "none of these classes".</summary>
public sealed record ReviewSettings(bool Enabled, ReviewBackend Backend, IReadOnlyList<string> RejectLabels)
{
    /// <summary>The catalog parameter that chooses <see cref="Backend"/>.</summary>
    public const string BackendParameter = "Review-Backend";
}
