namespace ContinuousImprovement.Local.Portal;

/// <summary>One pass of the simulated workforce: loops answered, how many of those on purpose wrong, and loops left open because their true label was not offered.</summary>
public sealed record WorkforceRound(int Answered, int Mistaken, int NotOffered);
