namespace ContinuousImprovement.Handlers.Training;

/// <summary>Whether the failed execution's candidate was cleared from the system parameter, and what was done.</summary>
public sealed record CandidateReleased(bool Released, string Summary);
